import type {
  Booking,
  CompanionKind,
  MyCompanion,
  Ticket,
  TicketCompanion,
} from '@/types/contract';

/** What the server accepts as the note. */
export const NOTE_MAX = 40;

/** The ticket or booking a request travels with: the server files it and keeps one per subject. */
export interface CompanionSubject {
  kind: CompanionKind;
  /** The ticket's or booking's id. */
  ref: string;
}

/** A ticket still in line or being called. Null when it is over. */
export function ticketCompanion(ticket: Ticket): CompanionSubject | null {
  if (ticket.status !== 'waiting' && ticket.status !== 'called') return null;
  return { kind: 'ticket', ref: ticket.id };
}

/** A seat (booked or checked in); null for a waitlist place (no seat yet) or a booking that is over. */
export function bookingCompanion(booking: Booking): CompanionSubject | null {
  if (booking.status !== 'confirmed' && booking.status !== 'checked-in') return null;
  return { kind: 'booking', ref: booking.id };
}

/** What the resident reads once the request is in: received, or who is coming. */
export function companionStateText(request: MyCompanion): string {
  if (request.status === 'done') return '社工陪同已完成';
  if (request.workerName) return `${request.workerName}陪同您，请在服务台稍候`;
  return '已收到您的陪同请求，社工会到服务台陪您';
}

/** For staff: "需要社工陪同：听障，请用文字沟通", or null when the resident did not ask. */
export function companionNeedText(companion: TicketCompanion | null): string | null {
  if (!companion) return null;
  return companion.note ? `需要社工陪同：${companion.note}` : '需要社工陪同';
}

/** For staff: who accompanies ("李社工陪同"), or where to assign someone. */
export function companionWhoText(companion: TicketCompanion | null): string {
  if (companion?.workerName) {
    return companion.status === 'done'
      ? `${companion.workerName}已陪同`
      : `${companion.workerName}陪同`;
  }
  return '还没安排社工：请在“值班与调休”里指派';
}
