/**
 * The coming evenings' seats of the pilots, for the in-process benches (bench-core.ts,
 * wal-pages.ts): every booking service opened to 10-minute slots of 50 seats, then one entry per
 * seat left, by slot id.
 */
import type * as Harness from '../server/testing/core-harness';

export async function openSeats(
  h: Awaited<ReturnType<typeof Harness.coreHarness>>,
  ok: typeof Harness.ok,
): Promise<string[]> {
  const seats: string[] = [];
  for (const community of ['jinse', 'huchi']) {
    const { services } = ok(await h.as('bench-reader')('booking.services', { community })) as {
      services: Array<{ id: string; dates: string[] }>;
    };
    for (const service of services) {
      const settings = { slotMinutes: 10, seatsPerSlot: 50, cutoffHours: 0 };
      ok(await h.staff('booking.configure', { community, service: service.id, ...settings }));
      // Tonight's slots are partly gone by the bench's hour: the coming evenings.
      for (const date of service.dates.slice(1)) {
        const slots = ok(
          await h.as('bench-reader')('booking.slots', { community, service: service.id, date }),
        ) as Array<{ id: string; left: number; open: boolean }>;
        for (const slot of slots.filter((s) => s.open))
          seats.push(...Array.from({ length: slot.left }, () => slot.id));
      }
    }
  }
  return seats;
}
