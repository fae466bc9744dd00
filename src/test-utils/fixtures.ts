import type { CommunitySummary, Identity, Tonight } from '@/types/contract';

export const COMMUNITIES: CommunitySummary[] = [
  { id: 'huchi', name: '虎池苑' },
  { id: 'jinse', name: '金色里程' },
];

/** Jinse on Wednesday 2026-11-25 at 18:30, open. Override what a test is about. */
export function tonightFixture(overrides: Partial<Tonight> = {}): Tonight {
  return {
    community: { id: 'jinse', name: '金色里程' },
    date: '2026-11-25',
    weekday: 3,
    serviceEvening: true,
    open: true,
    opensAt: '17:00',
    closesAt: '20:00',
    nextOpening: null,
    evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
    services: [
      { id: 'bp', name: '血压测量', kind: 'queue', description: '血压、血糖快速检测' },
      { id: 'repair', name: '家电维修', kind: 'booking', description: '小家电上门前先来看看' },
      { id: 'chess', name: '棋牌娱乐', kind: 'drop-in', description: '象棋、围棋、扑克' },
    ],
    now: '2026-11-25T18:30:00+08:00',
    demoClock: false,
    ...overrides,
  };
}

export function identityFixture(overrides: Partial<Identity> = {}): Identity {
  return { userId: 'u1', role: 'resident', communities: [], ...overrides };
}
