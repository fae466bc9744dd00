/** A suggestion's thread in 我的建议, from plain records without a store. */
import type { FollowUpRecord, RoundRecord, SuggestionRecord } from '../ports';
import { STATUS_WORDS } from './service';
import { roundStatusOf, threadOf } from './thread';

const s: SuggestionRecord = {
  id: 's1',
  community: 'c1',
  receipt: 'JS-1203-001',
  userId: 'u1',
  name: '',
  category: 'other',
  text: '希望开手机课',
  photo: null,
  followUpId: 'f1',
  source: 'call',
  status: 'adopted',
  reply: '采纳',
  reason: null,
  mergedInto: null,
  changeId: 'ch1',
  solved: null,
  requestId: 'call:f1',
  createdAt: '2026-12-03T02:05:00.000Z',
  updatedAt: '2026-12-03T02:05:00.000Z',
  answeredAt: '2026-12-04T02:00:00.000Z',
};
const task = {
  date: '2026-12-02',
  services: ['政务服务 19:00'],
  channel: 'call',
  result: { satisfaction: 'mostly', solved: 'partly', note: '' },
  closedAt: '2026-12-03T02:00:00.000Z',
} as FollowUpRecord;
const round = {
  title: '明年的服务',
  status: 'published',
  menu: ['p-1'],
  candidates: [{ id: 'p-1', suggestionId: 's1' }],
  createdAt: '2026-12-05T02:00:00.000Z',
  publishedAt: '2026-12-12T02:00:00.000Z',
} as RoundRecord;
const change = {
  title: '周三晚手机课',
  since: '2026-12-16',
  createdAt: '2026-12-13T02:00:00.000Z',
};

describe('a suggestion’s thread', () => {
  it('reads visit → call → suggestion → answer → vote → new service, oldest first', () => {
    const steps = threadOf(s, {
      task,
      rounds: [round],
      change: change as never,
      statusWords: STATUS_WORDS,
    });
    expect(steps.map((x) => [x.kind, x.at, x.text])).toEqual([
      ['visit', '2026-12-02T19:00:00+08:00', '2026-12-02 晚来过：政务服务 19:00'],
      ['call', '2026-12-03T10:00:00+08:00', '电话回访：基本满意，部分解决'],
      ['suggestion', '2026-12-03T10:05:00+08:00', '提出建议 JS-1203-001'],
      ['reply', '2026-12-04T10:00:00+08:00', '已采纳：采纳'],
      ['round', '2026-12-05T10:00:00+08:00', '列入居民点单「明年的服务」，请居民投票'],
      ['menu', '2026-12-12T10:00:00+08:00', '居民投票选中，已列入点单'],
      ['service', '2026-12-13T10:00:00+08:00', '已开通：周三晚手机课（2026-12-16 起）'],
    ]);
    expect(roundStatusOf(s, [round])).toEqual({ title: '明年的服务', status: 'voted-in' });
  });

  it('is the suggestion alone when nothing came before or after', () => {
    const alone = { ...s, followUpId: null, reply: null, answeredAt: null, changeId: null };
    const steps = threadOf(alone, {
      task: null,
      rounds: [],
      change: null,
      statusWords: STATUS_WORDS,
    });
    expect(steps.map((x) => x.kind)).toEqual(['suggestion']);
    expect(roundStatusOf(alone, [])).toBeNull();
  });
});
