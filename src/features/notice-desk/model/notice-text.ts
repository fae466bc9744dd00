import { formatClock } from '@/lib/shanghai-time';
import type { Activity, Attendee, NoticeStatus, NoticeSummary } from '@/types/contract';
import { dayText } from './week';

export const STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
};

const STATUS_ORDER: NoticeStatus[] = ['draft', 'published', 'archived'];

/** The desk's sections: drafts, published, archived; empty ones left out, server order kept. */
export function groupByStatus(
  notices: NoticeSummary[],
): Array<{ status: NoticeStatus; notices: NoticeSummary[] }> {
  return STATUS_ORDER.map((status) => ({
    status,
    notices: notices.filter((n) => n.status === status),
  })).filter((g) => g.notices.length > 0);
}

/** "周三 12月2日 18:30–19:30 · 二楼活动室". */
export function activityWhen(a: Pick<Activity, 'date' | 'startsAt' | 'endsAt' | 'place'>) {
  return `${dayText(a.date)} ${a.startsAt}–${a.endsAt} · ${a.place}`;
}

/** "已报名 3/12 · 候补 1", "已报名 5（不限名额）" or "无需报名，直接来". */
export function placesText(a: Activity): string {
  if (!a.signUp) return '无需报名，直接来';
  const signed =
    a.capacity === null ? `已报名 ${a.signed}（不限名额）` : `已报名 ${a.signed}/${a.capacity}`;
  return a.waitlisted > 0 ? `${signed} · 候补 ${a.waitlisted}` : signed;
}

/** "需要报名 · 名额 12", "需要报名 · 名额不限" or "无需报名". */
export function signUpRule(a: Pick<Activity, 'signUp' | 'capacity'>): string {
  if (!a.signUp) return '无需报名';
  return a.capacity === null ? '需要报名 · 名额不限' : `需要报名 · 名额 ${a.capacity}`;
}

/** The sign-up in words: "已报名", "候补第 2 位", "已取消", or "现场登记" for a walk-in. */
export function attendeeStatusText(a: Attendee): string {
  if (a.status === 'waitlisted') {
    return a.waitlistPosition === null ? '候补' : `候补第 ${a.waitlistPosition} 位`;
  }
  if (a.status === 'cancelled') return '已取消';
  return a.byStaff ? '现场登记' : '已报名';
}

/** How someone was checked in, as it happened: scanned, typed the code, or by staff. */
function checkInHow(a: Attendee): string {
  if (a.checkIn === 'staff') return ' · 社工';
  if (a.checkIn !== 'self') return '';
  if (a.checkInVia === 'scan') return ' · 扫码';
  return a.checkInVia === 'code' ? ' · 输入签到码' : ' · 自助';
}

/** "已到场 18:42 · 扫码", "已到场 18:45 · 输入签到码", "已到场 18:50 · 社工" or "未到场". */
export function attendedText(a: Attendee): string {
  if (!a.attendedAt) return '未到场';
  const how = checkInHow(a);
  return `已到场 ${formatClock(a.attendedAt)}${how}`;
}

/** The attendance figures, in the order the page shows them. */
export const FIGURES = [
  ['signed', '已报名'],
  ['waitlisted', '候补'],
  ['attended', '已到场'],
] as const;
