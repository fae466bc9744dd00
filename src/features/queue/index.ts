export { joinQueue } from './api/join-queue';
export { getMyTickets } from './api/my-tickets';
export { cancelTicket } from './api/cancel-ticket';
export { requeueTicket } from './api/requeue-ticket';
export { QueueJoin } from './components/queue-join';
export type { QueueJoinProps } from './components/queue-join';
export { MyTicketsEntry } from './components/my-tickets-entry';
export type { MyTicketsEntryProps } from './components/my-tickets-entry';
export { TicketCard } from './components/ticket-card';
export type { TicketCardProps } from './components/ticket-card';
export { CalledOverlay } from './components/called-overlay';
export type { CalledOverlayProps } from './components/called-overlay';
export { NearBanner } from './components/near-banner';
export { LineStopNotice } from './components/line-stop-notice';
export type { LineStopNoticeProps } from './components/line-stop-notice';
export { MyTicketList } from './components/my-ticket-list';
export type { MyTicketListProps } from './components/my-ticket-list';
export { CallAnnouncer } from './components/call-announcer';
export { CallWatch } from './components/call-watch';
export type { CallWatchProps } from './components/call-watch';
export { useJoin } from './hooks/use-join';
export type { Join } from './hooks/use-join';
export { useLiveTickets } from './hooks/use-live-tickets';
export type { LiveTickets } from './hooks/use-live-tickets';
export { nearTicket, useCallSignals } from './hooks/use-call-signals';
export type { CallSignals } from './hooks/use-call-signals';
export {
  aheadText,
  calledAnnouncement,
  estimateText,
  isActive,
  lineClosedReason,
  lineStopText,
  mostRelevant,
  NEAR_AHEAD,
  nearText,
  STATUS_WORDS,
} from './model/ticket-text';
export { joinBlockAt } from './model/join-block';
export type { JoinBlock } from './model/join-block';
export { useQueueLines } from './hooks/use-queue-lines';
export { useTonightQueue } from './hooks/use-tonight-queue';
export type { TonightQueue } from './hooks/use-tonight-queue';
