/**
 * The action map the typed client gateway is checked against: `<function>.<action>` → input and
 * output. The server's registry declares the same names with runtime schemas; a test keeps the
 * two in step.
 */
import type {
  BookableService,
  BookForInput,
  Booking,
  BookingList,
  BookingListInput,
  BookingRef,
  BookingServices,
  BookInput,
  ConfigureBookingInput,
  RescheduleInput,
  Slot,
  SlotsInput,
  StaffBooking,
} from './booking';
import type {
  ArchiveCommunityInput,
  CommunityLimits,
  CommunitySummary,
  CreateCommunityInput,
  ManagedCommunity,
  UpdateCommunityInput,
  ContactPhone,
  ContactPhoneInput,
  LimitsInput,
  Tonight,
  TonightInput,
} from './community';
import type {
  AnswerFollowUpInput,
  CallList,
  ConfigureFollowUpInput,
  ContactPreference,
  FollowUpRule,
  FollowUpTask,
  RecordCallInput,
  ResidentFollowUp,
  SetContactInput,
  Solved,
  Timeline,
  TimelineInput,
} from './followup';
import type {
  LogChangeInput,
  ChangeEntry,
  MergeInput,
  ReplyInput,
  StaffSuggestion,
  SubmitSuggestionInput,
  Suggestion,
  EchoWall,
} from './suggestion';
import type {
  Board,
  ConfigureInput,
  QueueDesk,
  JoinInput,
  MineInput,
  LineRef,
  Ticket,
  TicketRef,
  WalkInInput,
  WalkInIssued,
} from './queue';
import type {
  ActivityRef,
  Activity,
  AttendanceCsv,
  Attendee,
  Attendees,
  CheckInForInput,
  CheckInInput,
  MarkAttendanceInput,
  MyActivity,
  Notice,
  NoticeList,
  NoticeListInput,
  NoticeRef,
  PinInput,
  SaveNoticeInput,
  SignUpInput,
  UploadCoverInput,
} from './notice';
import type {
  EveningReport,
  Overview,
  Poster,
  ReportCsv,
  SetCostsInput,
  Subdistrict,
} from './report';
import type {
  CancelSignUpInput,
  CancelVolunteerInviteInput,
  HoursCsv,
  HoursCsvInput,
  LogHoursInput,
  Org,
  RevokeVolunteerInput,
  SaveOrgInput,
  SignUpCancelled,
  Volunteer,
  VolunteerDesk,
  VolunteerHome,
  VolunteerInvite,
  VolunteerInviteInput,
  VolunteerRevoked,
  VolunteerShift,
  VolunteerSignUpInput,
} from './volunteer';
import type {
  AssignShiftInput,
  CompanionOfInput,
  CompanionRequest,
  CompBalance,
  EveningRoster,
  LeaveRequest,
  MyCompanion,
  RequestCompanionInput,
  Shift,
} from './roster';
import type {
  AdoptedProposal,
  BallotReview,
  OpenRoundInput,
  PaperVotesInput,
  PublishMenuInput,
  Round,
  VoidBallotInput,
  VoteInput,
} from './survey';
import type {
  AddEveningInput,
  CalendarDateInput,
  CalendarInput,
  CalendarView,
  CancelDateInput,
  CancelDateResult,
} from './calendar';
import type {
  CancelInviteInput,
  DirectoryInput,
  Identity,
  Invite,
  InviteInput,
  RedeemInput,
  RevokeInput,
  SetNameInput,
  SignedOut,
  StaffListInput,
  StaffMember,
  StaffTeam,
} from './staff';

type Empty = Record<string, never>;

export interface ActionMap {
  'community.list': { input: Empty; output: CommunitySummary[] };
  'community.tonight': { input: TonightInput; output: Tonight };
  'community.setContactPhone': { input: ContactPhoneInput; output: ContactPhone };
  'community.setLimits': { input: LimitsInput; output: CommunityLimits };
  'community.manage': { input: Empty; output: ManagedCommunity[] };
  'community.create': { input: CreateCommunityInput; output: ManagedCommunity };
  'community.update': { input: UpdateCommunityInput; output: ManagedCommunity };
  'community.archive': { input: ArchiveCommunityInput; output: ManagedCommunity };
  'staff.redeem': { input: RedeemInput; output: Identity };
  'staff.invite': { input: InviteInput; output: Invite };
  'staff.me': { input: Empty; output: Identity };
  'staff.directory': { input: DirectoryInput; output: StaffMember[] };
  'staff.setName': { input: SetNameInput; output: StaffMember };
  'staff.list': { input: StaffListInput; output: StaffTeam };
  'staff.revoke': { input: RevokeInput; output: { userId: string; community: string } };
  'staff.cancelInvite': { input: CancelInviteInput; output: { code: string } };
  'staff.signOut': { input: Empty; output: SignedOut };
  'queue.join': { input: JoinInput; output: Ticket };
  'queue.mine': { input: MineInput; output: Ticket[] };
  'queue.cancel': { input: TicketRef; output: Ticket };
  'queue.requeue': { input: TicketRef; output: Ticket };
  'queue.board': { input: { community: string }; output: Board };
  'queue.desk': { input: LineRef; output: QueueDesk };
  'queue.callNext': { input: LineRef; output: QueueDesk };
  'queue.recall': { input: TicketRef; output: QueueDesk };
  'queue.miss': { input: TicketRef; output: QueueDesk };
  'queue.complete': { input: TicketRef; output: QueueDesk };
  'queue.pause': { input: LineRef; output: QueueDesk };
  'queue.resume': { input: LineRef; output: QueueDesk };
  'queue.configure': { input: ConfigureInput; output: QueueDesk };
  'queue.addWalkIn': { input: WalkInInput; output: WalkInIssued };
  'booking.services': { input: { community: string }; output: BookingServices };
  'booking.slots': { input: SlotsInput; output: Slot[] };
  'booking.book': { input: BookInput; output: Booking };
  'booking.cancel': { input: BookingRef; output: Booking };
  'booking.reschedule': { input: RescheduleInput; output: Booking };
  'booking.mine': { input: Empty; output: Booking[] };
  'booking.configure': { input: ConfigureBookingInput; output: BookableService };
  'booking.list': { input: BookingListInput; output: BookingList };
  'booking.checkIn': { input: BookingRef; output: StaffBooking };
  'booking.complete': { input: BookingRef; output: StaffBooking };
  'booking.noShow': { input: BookingRef; output: StaffBooking };
  'booking.undoNoShow': { input: BookingRef; output: StaffBooking };
  'booking.bookFor': { input: BookForInput; output: StaffBooking };
  'notice.list': { input: NoticeListInput; output: NoticeList };
  'notice.get': { input: NoticeRef; output: Notice };
  'notice.mine': { input: Empty; output: MyActivity[] };
  'notice.signUp': { input: SignUpInput; output: Activity };
  'notice.cancelSignUp': { input: ActivityRef; output: Activity };
  'notice.checkIn': { input: CheckInInput; output: Activity };
  'notice.manage': { input: { community: string }; output: NoticeList };
  'notice.save': { input: SaveNoticeInput; output: Notice };
  'notice.uploadCover': { input: UploadCoverInput; output: { cover: string } };
  'notice.publish': { input: NoticeRef; output: Notice };
  'notice.archive': { input: NoticeRef; output: Notice };
  'notice.pin': { input: PinInput; output: Notice };
  'notice.attendees': { input: ActivityRef; output: Attendees };
  'notice.markAttendance': { input: MarkAttendanceInput; output: Attendee };
  'notice.checkInFor': { input: CheckInForInput; output: Attendee };
  'notice.export': { input: NoticeRef; output: AttendanceCsv };
  'followup.due': { input: { community: string }; output: CallList };
  'followup.record': { input: RecordCallInput; output: FollowUpTask };
  'followup.rules': { input: { community: string }; output: FollowUpRule[] };
  'followup.configure': { input: ConfigureFollowUpInput; output: FollowUpRule[] };
  'followup.timeline': { input: TimelineInput; output: Timeline };
  'followup.run': { input: Empty; output: { created: number } };
  'followup.pending': { input: Empty; output: ResidentFollowUp[] };
  'followup.answer': { input: AnswerFollowUpInput; output: ResidentFollowUp[] };
  'followup.preferences': { input: Empty; output: ContactPreference };
  'followup.setContact': { input: SetContactInput; output: ContactPreference };
  'followup.erase': { input: Empty; output: { erased: number } };
  'suggestion.submit': { input: SubmitSuggestionInput; output: Suggestion };
  'suggestion.uploadPhoto': {
    input: UploadCoverInput;
    output: { photo: string };
  };
  'suggestion.mine': { input: Empty; output: Suggestion[] };
  'suggestion.echoWall': { input: { community: string }; output: EchoWall };
  'suggestion.reopen': { input: { id: string }; output: Suggestion };
  'suggestion.answerSolved': { input: { id: string; solved: Solved }; output: Suggestion };
  'suggestion.list': { input: { community: string }; output: StaffSuggestion[] };
  'suggestion.reply': { input: ReplyInput; output: StaffSuggestion };
  'suggestion.merge': { input: MergeInput; output: StaffSuggestion };
  'suggestion.logChange': { input: LogChangeInput; output: ChangeEntry };
  'survey.current': { input: { community: string }; output: Round | null };
  'survey.vote': { input: VoteInput; output: Round };
  'survey.rounds': { input: { community: string }; output: Round[] };
  'survey.adopted': { input: { community: string }; output: AdoptedProposal[] };
  'survey.open': { input: OpenRoundInput; output: Round };
  'survey.paper': { input: PaperVotesInput; output: Round };
  'survey.close': { input: { roundId: string }; output: Round };
  'survey.publish': { input: PublishMenuInput; output: Round };
  'survey.ballots': { input: { roundId: string }; output: BallotReview };
  'survey.voidBallot': { input: VoidBallotInput; output: BallotReview };
  'report.evening': { input: { community: string; date: string }; output: EveningReport };
  'report.costs': { input: SetCostsInput; output: Record<string, number> };
  'report.csv': {
    input: { community: string; date: string; kind: 'summary' | 'visits' };
    output: ReportCsv;
  };
  'report.overview': { input: { date?: string }; output: Overview };
  'report.subdistrict': { input: { date?: string }; output: Subdistrict };
  'report.subdistrictCsv': { input: { date?: string }; output: ReportCsv };
  'report.poster': { input: { community: string }; output: Poster };
  'roster.evening': { input: { community: string; date: string }; output: EveningRoster };
  'roster.assign': { input: AssignShiftInput; output: Shift };
  'roster.logEnd': { input: { shiftId: string; end: string }; output: Shift };
  'roster.requestCompanion': { input: RequestCompanionInput; output: MyCompanion };
  'roster.companionOf': { input: CompanionOfInput; output: MyCompanion | null };
  'roster.assignCompanion': {
    input: { companionId: string; worker: string };
    output: CompanionRequest;
  };
  'roster.mine': { input: Empty; output: CompBalance };
  'roster.requestLeave': {
    input: { community: string; date: string; minutes: number; note?: string };
    output: LeaveRequest;
  };
  'roster.leave': { input: Empty; output: LeaveRequest[] };
  'roster.decideLeave': { input: { leaveId: string; approve: boolean }; output: LeaveRequest };
  'volunteer.orgs': { input: { community: string }; output: Org[] };
  'volunteer.saveOrg': { input: SaveOrgInput; output: Org };
  'volunteer.invite': { input: VolunteerInviteInput; output: VolunteerInvite };
  'volunteer.list': { input: { community: string }; output: Volunteer[] };
  'volunteer.evening': { input: { community: string; date: string }; output: VolunteerShift[] };
  'volunteer.logHours': { input: LogHoursInput; output: VolunteerShift };
  'volunteer.hoursCsv': { input: HoursCsvInput; output: HoursCsv };
  'volunteer.home': { input: Empty; output: VolunteerHome };
  'volunteer.signUp': { input: VolunteerSignUpInput; output: VolunteerShift };
  'volunteer.desk': { input: { community: string }; output: VolunteerDesk };
  'volunteer.callNext': { input: { community: string }; output: VolunteerDesk };
  'volunteer.cancelSignUp': { input: CancelSignUpInput; output: SignUpCancelled };
  'volunteer.invites': { input: { community: string }; output: VolunteerInvite[] };
  'volunteer.cancelInvite': { input: CancelVolunteerInviteInput; output: { code: string } };
  'volunteer.revoke': { input: RevokeVolunteerInput; output: VolunteerRevoked };
  // A community's calendar (#16): cancelled dates and extra evenings.
  'community.calendar': { input: CalendarInput; output: CalendarView };
  'community.cancelDate': { input: CancelDateInput; output: CancelDateResult };
  'community.restoreDate': { input: CalendarDateInput; output: CalendarView };
  'community.addEvening': { input: AddEveningInput; output: CalendarView };
  'community.removeEvening': { input: CalendarDateInput; output: CalendarView };
}

export type ActionName = keyof ActionMap;
export type ActionInput<A extends ActionName> = ActionMap[A]['input'];
export type ActionOutput<A extends ActionName> = ActionMap[A]['output'];
