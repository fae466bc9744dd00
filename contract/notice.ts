/** Contract of the `notice` function: weekly activity notices and activity sign-up. */

export type NoticeStatus = 'draft' | 'published' | 'archived';

/** A resident's place in an activity. */
export type SignUpStatus = 'signed' | 'waitlisted' | 'cancelled';

/** One activity of a notice, as staff write it. */
export interface ActivityInput {
  /** Keep the id when editing, so sign-ups stay attached; omit for a new activity. */
  id?: string;
  name: string;
  /** Asia/Shanghai date within the notice's week, "YYYY-MM-DD". */
  date: string;
  /** "HH:mm". */
  startsAt: string;
  endsAt: string;
  place: string;
  /** Places; null = unlimited. */
  capacity: number | null;
  /** Whether residents sign up beforehand (otherwise they just come). */
  signUp: boolean;
}

export interface Activity extends Omit<ActivityInput, 'id'> {
  id: string;
  noticeId: string;
  /** Signed up (holding a place). */
  signed: number;
  waitlisted: number;
  /** Places left; null when unlimited. */
  left: number | null;
  /** The caller's own sign-up, when the caller is known; null otherwise. */
  mine: MySignUp | null;
}

export interface MySignUp {
  id: string;
  status: SignUpStatus;
  /** 1 = next to get a place; null unless waitlisted. */
  waitlistPosition: number | null;
  /** ISO instant (+08:00) of check-in, or null. */
  attendedAt: string | null;
  /** Why staff cancelled it with its evening (a cancelled date, an archived community; #16). */
  cancelledReason?: string;
}

export interface Notice {
  id: string;
  community: string;
  /** Monday of the notice's week (Asia/Shanghai), "YYYY-MM-DD". */
  week: string;
  title: string;
  /** Plain text; line breaks are kept, nothing is interpreted as HTML. */
  body: string;
  /** An image URL the client can show, or null. */
  cover: string | null;
  status: NoticeStatus;
  pinned: boolean;
  /** ISO (+08:00); null for drafts. */
  publishedAt: string | null;
  /** Set when a published notice was edited: residents see "已更新". */
  editedAt: string | null;
  /**
   * The community's limit of open sign-ups per resident (ResidentLimits.openSignUps): the page
   * says it before the tap.
   */
  openSignUps: number;
  activities: Activity[];
}

/** What the tonight page and the notice list show: enough to choose, no body. */
export interface NoticeSummary {
  id: string;
  week: string;
  title: string;
  cover: string | null;
  pinned: boolean;
  edited: boolean;
  status: NoticeStatus;
  /** Activities of this notice on the day asked about (tonight), in time order. */
  tonight: Array<{ id: string; name: string; startsAt: string; place: string }>;
  activityCount: number;
}

export interface NoticeListInput {
  community: string;
  /** Any date in the week wanted; omit for this week and next. */
  week?: string;
  /** True: past weeks' notices (the archive), newest first. */
  past?: boolean;
}

export interface NoticeList {
  /** Monday of this week. */
  thisWeek: string;
  notices: NoticeSummary[];
}

export interface SaveNoticeInput {
  community: string;
  /** Omit to create a draft. */
  id?: string;
  /** Any date in the week; stored as that week's Monday. */
  week: string;
  title: string;
  body: string;
  /** A reference from `notice.uploadCover` (local host) or a cloud fileID (weapp); null removes it. */
  cover?: string | null;
  activities: ActivityInput[];
}

export interface NoticeRef {
  id: string;
}

export interface PinInput extends NoticeRef {
  pinned: boolean;
}

export interface UploadCoverInput {
  community: string;
  /** The image file, base64 (JPEG, PNG or WebP, at most 1 MB): H5, to the local host. */
  data?: string;
  /**
   * Instead of `data`: the fileID of an image the mini-program put in cloud storage itself, under
   * `<folder>/<community>/`; checked, counted and recorded the same way.
   */
  file?: string;
}

export interface ActivityRef {
  activityId: string;
}

export interface SignUpInput extends ActivityRef {
  requestId: string;
  /** How staff will know you at the door, e.g. "3栋 王阿姨"; optional. */
  name?: string;
}

/** How a resident came by the check-in code: scanned its QR code, or typed it. */
export type CheckInVia = 'scan' | 'code';

export interface CheckInInput extends ActivityRef {
  /** The code staff show at the activity (also inside its QR code). */
  code: string;
  /** The check-in page opened from the QR code says 'scan'; the notice page's field 'code'. */
  via?: CheckInVia;
}

/** One sign-up as staff see it. */
export interface Attendee {
  id: string;
  name: string;
  status: SignUpStatus;
  waitlistPosition: number | null;
  attendedAt: string | null;
  /** Who checked them in: themselves, or staff at the door. */
  checkIn: 'self' | 'staff' | null;
  /** For a self check-in, how: scanned the QR code or typed the code (null: staff, or unknown). */
  checkInVia: CheckInVia | null;
  /** Added by staff (did not sign up themselves). */
  byStaff: boolean;
  createdAt: string;
}

export interface Attendees {
  activity: Activity;
  notice: { id: string; title: string };
  /** The self check-in code and what its QR code opens. */
  checkInCode: string;
  checkInPath: string;
  attendees: Attendee[];
  figures: { signed: number; waitlisted: number; attended: number; cancelled: number };
}

export interface MarkAttendanceInput {
  signUpId: string;
  attended: boolean;
}

export interface CheckInForInput extends ActivityRef {
  /** Someone who did not sign up: a name or description. */
  name: string;
  requestId: string;
}

export interface AttendanceCsv {
  filename: string;
  /** UTF-8 text starting with a BOM, CRLF line ends: opens in Excel with correct Chinese. */
  csv: string;
}

/** A resident's sign-up with its activity, for "我的报名". */
export interface MyActivity {
  signUp: MySignUp;
  activity: Omit<Activity, 'mine'>;
  notice: { id: string; title: string; community: string };
}
