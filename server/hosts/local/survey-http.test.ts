/**
 * 居民点单 under a scripted vote (issue #13): a burst of browser ballots is flagged for staff, who
 * void it; the ranking follows, and voting again does not lift the void.
 */
import type { BallotReview, Round } from '../../../contract/survey';
import { adminAndStaff, startTestHost, type TestClient, type TestHost } from './testing';

describe('reviewing ballots over HTTP', () => {
  let host: TestHost;
  let staff: TestClient;
  let roundId: string;
  beforeAll(async () => {
    host = await startTestHost();
    ({ staff } = await adminAndStaff(host));
    const round = await staff.call<Round>('survey', {
      action: 'open',
      community: 'jinse',
      title: '2027 年上半年点单',
      maxChoices: 1,
      closesOn: '2026-12-09',
      proposals: [],
    });
    if (!round.body.ok) throw new Error(round.text);
    roundId = round.body.data.id;
  });
  afterAll(async () => {
    await host.destroy();
  });

  const vote = async (resident: TestClient, choice: string) => {
    const cast = await resident.call<Round>('survey', {
      action: 'vote',
      roundId,
      choices: [choice],
    });
    if (!cast.body.ok) throw new Error(cast.text);
    return cast.body.data;
  };
  const ranking = async () => {
    const current = await host
      .client()
      .call<Round>('survey', { action: 'current', community: 'jinse' });
    if (!current.body.ok) throw new Error(current.text);
    return current.body.data;
  };

  it('flags a burst of identical browser ballots, and voiding them turns the ranking back', async () => {
    const honest = host.client();
    await honest.session();
    await vote(honest, 'paperwork');
    const scripted = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = host.client();
        await c.session();
        await vote(c, 'library');
        return c;
      }),
    );
    expect((await ranking()).ranking[0]).toMatchObject({ id: 'library', votes: 6 });

    const resident = await scripted[1]!.call('survey', { action: 'ballots', roundId });
    expect(resident.status).toBe(403);
    const review = await staff.call<BallotReview>('survey', { action: 'ballots', roundId });
    if (!review.body.ok) throw new Error(review.text);
    expect(review.body.data).toMatchObject({ counted: 7, voided: 0, flagged: 6 });
    const flagged = review.body.data.ballots.filter((b) => b.burst);
    expect(flagged.map((b) => b.kind)).toEqual(Array(6).fill('browser'));
    expect(flagged[0]!.choices).toEqual(['图书阅览']);
    // No identity in what staff see.
    expect(review.text).not.toMatch(/u_[A-Za-z0-9_-]{10,}/);

    for (const b of flagged) {
      const voided = await staff.call<BallotReview>('survey', {
        action: 'voidBallot',
        roundId,
        ref: b.ref,
        voided: true,
      });
      expect(voided.status).toBe(200);
    }
    const after = await ranking();
    expect(after.voters).toBe(1);
    expect(after.ranking[0]).toMatchObject({ id: 'paperwork', votes: 1 });

    // Voting again keeps the void; counting one again brings back its vote only.
    await vote(scripted[0]!, 'library');
    expect((await ranking()).voters).toBe(1);
    const recount = await staff.call<BallotReview>('survey', {
      action: 'voidBallot',
      roundId,
      ref: flagged[0]!.ref,
      voided: false,
    });
    if (!recount.body.ok) throw new Error(recount.text);
    expect(recount.body.data).toMatchObject({ counted: 2, voided: 5 });
    expect((await ranking()).voters).toBe(2);
  });

  it('refuses a ref that is no ballot of the round, in Chinese', async () => {
    const missing = await staff.call('survey', {
      action: 'voidBallot',
      roundId,
      ref: 'AAAAAAAAAAAAAAAA',
      voided: true,
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { message: '没有找到这张选票' } });
  });
});
