/**
 * An adopted suggestion through 居民点单, by dispatch on either store (BDB_CORE_STORE): offered
 * with one tap, proposed, voted in, published, then logged as a new service; its author reads
 * each step in 我的建议, and staff read the same steps on the resident's timeline.
 */
import type { Timeline } from '../../../contract/followup';
import type { Suggestion } from '../../../contract/suggestion';
import type { AdoptedProposal, Round } from '../../../contract/survey';
import { coreHarness, ok } from '../../testing/core-harness';

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

describe('an adopted suggestion in 居民点单', () => {
  it('is offered, proposed, voted in and becomes a service; the author hears and reads each step', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    const submit = (text: string, requestId: string) =>
      h.as('author-1')<Suggestion>('suggestion.submit', {
        community: 'jinse',
        category: 'other',
        text,
        requestId,
      });
    const wanted = ok(await submit('希望开一个手机使用课\n教我们用手机挂号', 'adopt-flow-0001'));
    const other = ok(await submit('希望多放几把椅子', 'adopt-flow-0002'));
    ok(
      await h.staff('suggestion.reply', {
        id: wanted.id,
        status: 'adopted',
        reply: '采纳，放进下一轮居民点单',
      }),
    );

    // Only the adopted one is offered, ready to send.
    const offered = ok(await h.staff<AdoptedProposal[]>('survey.adopted', { community: 'jinse' }));
    expect(offered).toEqual([
      {
        suggestionId: wanted.id,
        receipt: wanted.receipt,
        text: '希望开一个手机使用课\n教我们用手机挂号',
        proposal: {
          name: '希望开一个手机使用课',
          kind: 'drop-in',
          description: `居民建议 ${wanted.receipt}：希望开一个手机使用课 教我们用手机挂号`,
          suggestionId: wanted.id,
        },
      },
    ]);
    const open = (proposals: AdoptedProposal['proposal'][]) =>
      h.staff<Round>('survey.open', {
        community: 'jinse',
        title: '明年的八点伴服务',
        maxChoices: 3,
        closesOn: '2026-12-09',
        proposals,
      });
    // A suggestion not adopted, or the same one twice, cannot be proposed.
    const notAdopted = { ...offered[0]!.proposal, suggestionId: other.id };
    expect(await open([notAdopted])).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '只能把本社区已采纳的建议列入点单' },
    });
    expect(await open([offered[0]!.proposal, offered[0]!.proposal])).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const round = ok(await open([offered[0]!.proposal]));
    const candidate = round.ranking.find((c) => c.source === 'suggestion')!;
    expect(candidate).toMatchObject({ name: '希望开一个手机使用课', suggestionId: wanted.id });
    // Once in a round it is not offered again.
    expect(ok(await h.staff('survey.adopted', { community: 'jinse' }))).toEqual([]);
    const voting = ok(await h.as('author-1')<Suggestion[]>('suggestion.mine', {}));
    expect(voting.find((s) => s.id === wanted.id)?.round).toEqual({
      title: '明年的八点伴服务',
      status: 'voting',
    });

    ok(await h.as('u1')('survey.vote', { roundId: round.id, choices: [candidate.id, 'health'] }));
    ok(await h.as('u2')('survey.vote', { roundId: round.id, choices: [candidate.id] }));
    ok(await h.staff('survey.close', { roundId: round.id }));
    h.alerts.resident.length = 0;
    ok(
      await h.staff('survey.publish', {
        roundId: round.id,
        menu: [candidate.id, 'paperwork', 'health'],
      }),
    );
    expect(h.alerts.resident).toEqual([
      expect.objectContaining({
        userId: 'author-1',
        kind: 'suggestion-status',
        text: `您的建议 ${wanted.receipt} 经居民投票，已列入点单`,
      }),
    ]);

    h.clock.set('2026-12-03T10:00:00+08:00');
    ok(
      await h.staff('suggestion.logChange', {
        community: 'jinse',
        title: '周三晚开设手机使用课',
        detail: '居民点单选中，12 月 9 日起每周三 19:00。',
        since: '2026-12-09',
        suggestionIds: [wanted.id],
      }),
    );
    const mine = ok(await h.as('author-1')<Suggestion[]>('suggestion.mine', {}));
    const done = mine.find((s) => s.id === wanted.id)!;
    expect(done.round).toEqual({ title: '明年的八点伴服务', status: 'voted-in' });
    expect(done.thread.map((s) => [s.kind, s.text])).toEqual([
      ['suggestion', `提出建议 ${wanted.receipt}`],
      ['reply', '已采纳：采纳，放进下一轮居民点单'],
      ['round', '列入居民点单「明年的八点伴服务」，请居民投票'],
      ['menu', '居民投票选中，已列入点单'],
      ['service', '已开通：周三晚开设手机使用课（2026-12-09 起）'],
    ]);
    // Staff read the same steps on the resident's timeline.
    const timeline = ok(
      await h.staff<Timeline>('followup.timeline', { community: 'jinse', resident: 'author-1' }),
    );
    const thread = timeline.entries.filter((e) => e.kind !== 'suggestion' || e.id === wanted.id);
    expect(thread.map((e) => [e.kind, e.text])).toEqual([
      ['suggestion', `建议 ${wanted.receipt}：希望开一个手机使用课\n教我们用手机挂号`],
      ['reply', '已采纳：采纳，放进下一轮居民点单'],
      ['round', '列入居民点单「明年的八点伴服务」，请居民投票'],
      ['menu', '居民投票选中，已列入点单'],
      ['change', '改进：周三晚开设手机使用课（2026-12-09 起）'],
    ]);
    expect(mine.find((s) => s.id === other.id)?.round).toBeNull();
    // A service now: no longer offered.
    expect(ok(await h.staff('survey.adopted', { community: 'jinse' }))).toEqual([]);
  });
});
