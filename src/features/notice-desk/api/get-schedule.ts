import { call } from '@/lib/gateway';
import type { ServiceEvening } from '@/types/contract';

export interface Schedule {
  /** The community's service evenings of the week. */
  evenings: ServiceEvening[];
  /** Today by the server's clock (which may be the demo clock), "YYYY-MM-DD". */
  today: string;
}

/** When the community opens: new activities default to its service evening. */
export async function getSchedule(community: string): Promise<Schedule> {
  const tonight = await call('community.tonight', { community });
  return { evenings: tonight.evenings, today: tonight.date };
}
