import type { CommunitySetup, ServiceRecord, Store } from './ports';

/**
 * The eight evening services the Baiyangwan pilot chose by resident survey. Library and health
 * check are walk-in lines (取号); paperwork, repair, mending and physiotherapy take bookings; chess
 * and cultural activities are drop-in.
 */
export const PILOT_SERVICES: ServiceRecord[] = [
  {
    id: 'paperwork',
    name: '政务服务',
    kind: 'booking',
    description: '社保、医保、生育登记等业务办理',
    sort: 1,
  },
  {
    id: 'health',
    name: '健康检测',
    kind: 'queue',
    description: '测血压、测血糖，社区医生现场解读',
    sort: 2,
  },
  {
    id: 'library',
    name: '图书阅览',
    kind: 'queue',
    description: '儿童绘本与书刊阅览、借还',
    sort: 3,
  },
  {
    id: 'repair',
    name: '家电维修',
    kind: 'booking',
    description: '小家电、电动车电瓶检修',
    sort: 4,
  },
  {
    id: 'mending',
    name: '便民缝补',
    kind: 'booking',
    description: '缝补衣物、换拉链、改裤脚',
    sort: 5,
  },
  { id: 'physio', name: '康复理疗', kind: 'booking', description: '推拿、艾灸等理疗服务', sort: 6 },
  {
    id: 'chess',
    name: '棋牌游戏',
    kind: 'drop-in',
    description: '象棋、围棋、桌游，邻里同乐',
    sort: 7,
  },
  {
    id: 'culture',
    name: '文体活动',
    kind: 'drop-in',
    description: '书法、合唱、亲子手工等',
    sort: 8,
  },
];

/** Wednesday 17:00–20:00: business hours extended by three hours, one evening a week. */
const WEDNESDAY_EVENING = { weekday: 3, opensAt: '17:00', closesAt: '20:00' };

export const PILOT_COMMUNITIES: CommunitySetup[] = [
  { id: 'jinse', name: '金色里程社区', evenings: [WEDNESDAY_EVENING], services: PILOT_SERVICES },
  { id: 'huchi', name: '虎池苑社区', evenings: [WEDNESDAY_EVENING], services: PILOT_SERVICES },
];

/** The weekday the demo clock uses: the pilots' service evening. */
export const DEMO_WEEKDAY = WEDNESDAY_EVENING.weekday;

/** Seeds the pilot communities into an empty store; a store that has communities is left alone. */
export async function seedPilots(store: Store): Promise<boolean> {
  const existing = await store.communities.list();
  if (existing.length > 0) return false;
  for (const community of PILOT_COMMUNITIES) await store.communities.save(community);
  return true;
}
