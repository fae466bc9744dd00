import type { LineState, Ticket, TicketStatus } from '@/types/contract';
import { closedForTonight, joinBlockAt } from './join-block';

/** The status in words: never a colour or an icon alone. */
export const STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: '排队中',
  called: '已叫号，请到服务台',
  missed: '已过号',
  done: '已完成',
  cancelled: '已取消',
};

/**
 * The server sends the "3 ahead" alert to the first three waiting residents (0, 1 or 2 ahead):
 * the page shows the same banner on a line change, so weapp (no in-app alerts) matches H5.
 */
export const NEAR_AHEAD = 3;

export function aheadText(ticket: Ticket): string {
  return `前面还有 ${ticket.ahead} 位`;
}

export function estimateText(ticket: Ticket): string {
  if (ticket.ahead === 0 || ticket.estimatedWaitMinutes === null) return '即将轮到您';
  if (ticket.estimatedWaitMinutes <= 0) return '即将轮到您';
  return `预计等待约 ${ticket.estimatedWaitMinutes} 分钟`;
}

export function nearText(ahead: number): string {
  if (ahead <= 0) return '下一位就是您，请回到服务台附近';
  return `前面还有 ${ahead} 位，请回到服务台附近`;
}

/** What the called screen and the screen reader say. */
export function calledAnnouncement(ticket: Ticket): string {
  return `请 ${ticket.label} 到服务台`;
}

export const isActive = (t: Ticket) =>
  t.status === 'waiting' || t.status === 'called' || (t.status === 'missed' && !!t.requeueUntil);

const RANK: Record<TicketStatus, number> = {
  called: 0,
  waiting: 1,
  missed: 2,
  done: 3,
  cancelled: 4,
};

/** The ticket a resident most likely wants to see: called, then waiting, then missed, newest. */
export function mostRelevant(tickets: Ticket[]): Ticket | null {
  const sorted = [...tickets].sort(
    (a, b) => RANK[a.status] - RANK[b.status] || b.createdAt.localeCompare(a.createdAt),
  );
  return sorted[0] ?? null;
}

/**
 * Why a line does not take numbers at `now` (the server's clock), or null when it does (or
 * nothing is known): shown in place of a working 取号 button.
 */
export function lineClosedReason(line: LineState | undefined, now: number): string | null {
  if (!line) return null;
  switch (joinBlockAt(line, now)) {
    case null:
      return null;
    case 'paused':
      return '暂停取号，请稍后再来或咨询工作人员';
    case 'full':
      return '今晚的号已经取完了';
    case 'last-join':
      return `今晚取号已在 ${line.lastJoin} 截止`;
    case 'closed':
      return closedForTonight(line, now) ? `今晚服务已在 ${line.closesAt} 结束` : '现在不能取号';
  }
}

/**
 * What my ticket's page says when its line stops taking numbers (null while it takes them): new
 * numbers stop, and a ticket still in the line is told it keeps its place.
 */
export function lineStopText(line: LineState, ticket: Ticket, now: number): string | null {
  const active = isActive(ticket);
  const kept = active ? '，您的号照常叫号' : '';
  switch (joinBlockAt(line, now)) {
    case null:
      return null;
    case 'paused':
      return `${line.name}暂停取号${kept}`;
    case 'full':
      return `今晚${line.name}的号已经取完了${kept}`;
    case 'last-join':
      return `今晚取号已在 ${line.lastJoin} 截止${kept}`;
    case 'closed':
      if (!closedForTonight(line, now)) return null;
      return `今晚服务已在 ${line.closesAt} 结束${active ? '，您的号请听工作人员安排' : ''}`;
  }
}
