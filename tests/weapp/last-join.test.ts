/**
 * The compiled tonight page (weapp build, miniprogram-simulate) passing the last-join time by
 * itself: the server says it is 19:29:50, the line's watched document carries tonight's hours,
 * and ten seconds later 取号 turns into the reason with no cloud call and no new snapshot. A line
 * nobody touched tonight has no watched state of tonight: the page asks for it once.
 * Needs `npm run build:weapp` first.
 */
import type { Envelope } from '../../contract/envelope';
import type { LineState, Ticket } from '../../contract/queue';
import { startWeapp, waitForText, type Harness } from './harness';

const PAGE = 'pages/tonight/index';
/** Ten seconds before 19:30, the last-join time of the pilots' lines (closing 20:00). */
const BEFORE_LAST_JOIN = '2026-11-25T19:29:50+08:00';

let harness: Harness | null = null;

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: the tonight page at 19:30', () => {
  it('turns 取号 into "今晚取号已在 19:30 截止" by the server’s clock', async () => {
    harness = await startWeapp(BEFORE_LAST_JOIN);
    const joined = (await harness.run('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'health',
      requestId: 'weapp-last-join-01',
    })) as Envelope<Ticket>;
    if (!joined.ok) throw new Error(joined.error.message);
    // The watched document: the line's state with tonight's hours.
    const doc = harness.emulator.dump('queue_lines').find((d) => d._id === 'jinse:health');
    expect(doc as unknown as LineState).toMatchObject({
      opensAt: '17:00',
      closesAt: '20:00',
      lastJoin: '19:30',
      accepting: true,
    });

    // 图书阅览 has not changed tonight: its document is still last Wednesday's, closed at 19:45.
    const { _id: _healthId, ...health } = doc!;
    const lastWeek: LineState = {
      ...(health as unknown as LineState),
      queue: 'library',
      name: '图书阅览',
      prefix: 'B',
      date: '2026-11-18',
      waiting: 3,
      waitingNumbers: [7, 8, 9],
      accepting: false,
      version: 31,
    };
    await harness.emulator
      .database()
      .collection('queue_lines')
      .doc('jinse:library')
      .set({ data: lastWeek });

    const { page, root } = await harness.renderPage(PAGE, { c: 'jinse' }, '金色里程');
    await waitForText(root, '现在有 1 位在等');
    const joinText = (i: number) =>
      page.querySelectorAll('.bdb-queue-join')[i]?.dom?.textContent?.replace(/\s+/g, '') ?? '';
    const [healthJoin, libraryJoin] = [0, 1];
    expect(joinText(healthJoin)).not.toContain('截止');
    // Last week's state says nothing about tonight: no "3 waiting", no refusal; only the limit
    // of numbers per resident is said before the tap.
    expect(joinText(libraryJoin)).toBe('取号每人每晚最多取3个号（各项服务合计）');

    await waitForText(root, '今晚取号已在 19:30 截止', 15_000);
    expect(joinText(healthJoin)).toBe('取号今晚取号已在19:30截止');
    // The untouched line turns too: its state of tonight was asked once (queue.board), since
    // the watched collection has none; no call at 19:30 itself.
    expect(joinText(libraryJoin)).toBe('取号今晚取号已在19:30截止');
    expect(harness.functionCalls.map((c) => c.action)).toEqual([
      'community.tonight',
      'queue.board',
    ]);
  });
});
