import { formatClock } from '@/lib/shanghai-time';
import type { DeskLineState, StaffTicket } from '@/types/contract';

/** The line's state in words for staff. */
export function lineStateText(line: DeskLineState): string {
  if (line.paused) return '⏸ 已暂停取号';
  if (!line.accepting) return '■ 现在不能取号';
  return '● 正在取号';
}

/**
 * "18:05 取号 · 已等 25 分钟". The waited minutes use the device clock, so they are left out when
 * that clock plainly disagrees with the server's (the demo clock, a wrong phone clock).
 */
export function waitedText(ticket: StaffTicket, nowMs = Date.now()): string {
  const taken = `${formatClock(ticket.createdAt)} 取号`;
  const minutes = Math.floor((nowMs - Date.parse(ticket.createdAt)) / 60_000);
  return minutes >= 0 && minutes < 600 ? `${taken} · 已等 ${minutes} 分钟` : taken;
}

/** Who the ticket is, for staff: the walk-in note, or "手机取号". */
export function whoText(ticket: StaffTicket): string {
  return ticket.walkIn ? `现场号：${ticket.note || '（无备注）'}` : '手机取号';
}
