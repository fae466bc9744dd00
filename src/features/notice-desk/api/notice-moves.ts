/** What staff do to a whole notice; each answers with the notice as it is now. */
import { call } from '@/lib/gateway';
import type { AttendanceCsv, Notice } from '@/types/contract';

/** A draft goes out to residents. */
export const publish = (id: string): Promise<Notice> => call('notice.publish', { id });
/** Residents no longer see it; its activities close. */
export const archive = (id: string): Promise<Notice> => call('notice.archive', { id });
/** On top of the residents' list (one per community), or not any more. */
export const pin = (id: string, pinned: boolean): Promise<Notice> =>
  call('notice.pin', { id, pinned });
/** The attendance sheet of every activity of the notice, as CSV. */
export const exportAttendance = (id: string): Promise<AttendanceCsv> =>
  call('notice.export', { id });
