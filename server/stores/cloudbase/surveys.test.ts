/**
 * The CloudBase SurveyRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the ballot `_id` scheme (no openid in an `_id`) and
 * the documents production data depends on, malformed documents, what each operation costs
 * (counted by the emulator), two staff members deciding one round at once, and the collection
 * prefix. Documents seeded here bypass the adapter.
 */
import { Unavailable } from '../../core/errors';
import type { RoundRecord, VoteRecord } from '../../core/ports';
import { emulatedStore } from '../../testing/emulated-store';
import { PAGE_SIZE } from './sdk';
import { UPDATE_ROUND_OPERATIONS } from './surveys';
import type { DocData } from './sdk';
import { ballotId } from './surveys';
import { FEW_RACERS } from './transaction';

const NOW_ISO = '2026-12-02T02:00:00.000Z';
const LATER_ISO = '2026-12-02T06:00:00.000Z';

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  return { ...env, surveys: env.store.surveys };
}

afterEach(() => jest.restoreAllMocks());

// --- fixtures ---

const round = (fields: Partial<RoundRecord> = {}): RoundRecord => ({
  id: 'r1',
  community: 'c1',
  title: '2027 年上半年 八点伴服务点单',
  candidates: [
    {
      id: 'paperwork',
      name: '政务服务',
      kind: 'queue',
      description: '社保、医保',
      source: 'current',
    },
    {
      id: 'p-phone',
      name: '手机使用课',
      kind: 'drop-in',
      description: '教老人用手机挂号',
      source: 'proposal',
    },
  ],
  maxChoices: 3,
  closesOn: '2026-12-16',
  status: 'open',
  menu: null,
  createdBy: 'wx:o-staff',
  createdAt: NOW_ISO,
  publishedAt: null,
  ...fields,
});

/** A stored round document: the record without its id. */
const roundDoc = (fields: Partial<RoundRecord> = {}): DocData => {
  const { id: _id, ...rest } = round(fields);
  return rest;
};

const ballot = (fields: Partial<VoteRecord> = {}): VoteRecord => ({
  roundId: 'r1',
  voterKey: 'wx:o-1',
  choices: ['paperwork'],
  paper: false,
  updatedAt: NOW_ISO,
  voidedAt: null,
  voidedBy: null,
  ...fields,
});

// --- ballots ---

describe('ballot ids', () => {
  it('are deterministic per (round, voter), and only [A-Za-z0-9_-]', () => {
    expect(ballotId('r1', 'wx:o-1')).toBe(ballotId('r1', 'wx:o-1'));
    expect(ballotId('r1', 'wx:o-1')).toMatch(/^ballot_[A-Za-z0-9_-]{22}$/);
    const ids = [
      ballotId('r1', 'wx:o-1'),
      ballotId('r2', 'wx:o-1'),
      ballotId('r1', 'wx:o-2'),
      ballotId('r1', 'paper:wx:o-staff:req-1:0'),
      ballotId('r1', 'paper:wx:o-staff:req-1:1'),
      // The parts stay apart: moving a ':' between them is another ballot.
      ballotId('r1:wx', 'o-1'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    // No openid in an _id.
    expect(ballotId('r1', 'wx:o-1')).not.toContain('o-1');
  });
});

describe('surveys.vote', () => {
  it('writes the ballot under its fixed _id in one write, no query, no transaction; a second vote replaces it', async () => {
    const { emulator, surveys, cost } = setup();
    const id = ballotId('r1', 'wx:o-1');
    expect(
      await cost(() => surveys.vote(ballot({ choices: ['paperwork', 'p-phone'] }))),
    ).toMatchObject({ ops: 1, writes: 1, transactions: 0 });
    expect(emulator.dump('survey_votes')).toEqual([
      {
        _id: id,
        roundId: 'r1',
        voterKey: 'wx:o-1',
        choices: ['paperwork', 'p-phone'],
        paper: false,
        updatedAt: NOW_ISO,
      },
    ]);
    await surveys.vote(ballot({ choices: ['p-phone'], updatedAt: LATER_ISO }));
    const {
      voidedAt: _at,
      voidedBy: _by,
      ...cast
    } = ballot({
      choices: ['p-phone'],
      updatedAt: LATER_ISO,
    });
    expect(emulator.dump('survey_votes')).toEqual([{ _id: id, ...cast }]);
  });

  it('gives each paper ballot of a stack its own document', async () => {
    const { surveys } = setup();
    for (let n = 0; n < 3; n += 1) {
      await surveys.vote(ballot({ voterKey: `paper:wx:o-staff:req-1:${n}`, paper: true }));
    }
    expect(await surveys.votes('r1')).toHaveLength(3);
  });
});

describe('surveys.votes', () => {
  it("returns a round's ballots by change, then voter, past the 100-per-read cap", async () => {
    const { surveys, cost } = setup();
    for (let i = 0; i < PAGE_SIZE; i += 1) {
      await surveys.vote(ballot({ voterKey: `wx:o-${String(i).padStart(3, '0')}` }));
    }
    await surveys.vote(ballot({ voterKey: 'wx:o-000', updatedAt: LATER_ISO }));
    await surveys.vote(ballot({ voterKey: 'paper:wx:o-staff:req-1:0', paper: true }));
    await surveys.vote(ballot({ roundId: 'r2' }));
    const { result, ops } = await cost(() => surveys.votes('r1'));
    // Two pages of ballots and one of voids (none yet).
    expect(ops).toBe(3);
    expect(result).toHaveLength(PAGE_SIZE + 1);
    expect(result.slice(0, 2).map((v) => v.voterKey)).toEqual([
      'paper:wx:o-staff:req-1:0',
      'wx:o-001',
    ]);
    expect(result.at(-1)).toEqual(ballot({ voterKey: 'wx:o-000', updatedAt: LATER_ISO }));
  });

  it('fails loudly on a malformed ballot, naming the field', async () => {
    const { surveys, seed } = setup();
    const id = ballotId('r1', 'wx:o-1');
    await seed('survey_votes', id, { ...ballot(), paper: 'no' });
    await expect(surveys.votes('r1')).rejects.toThrow(`survey_votes/${id}: bad or missing "paper"`);
    await seed('survey_votes', id, { ...ballot(), choices: 'paperwork' });
    await expect(surveys.votes('r1')).rejects.toThrow(
      `survey_votes/${id}: bad or missing "choices"`,
    );
  });
});

// --- rounds ---

describe('surveys rounds', () => {
  it('stores a round under its id without it, the candidates embedded', async () => {
    const { emulator, surveys } = setup();
    await surveys.createRound(round());
    expect(emulator.dump('survey_rounds')).toEqual([{ _id: 'r1', ...roundDoc() }]);
  });

  it('fails loudly on a malformed round, naming the field', async () => {
    const { surveys, seed } = setup();
    const bad = async (data: DocData) => {
      await seed('survey_rounds', 'r1', { ...roundDoc(), ...data });
      return surveys.getRound('r1');
    };
    await expect(bad({ status: 'draft' })).rejects.toThrow(
      'survey_rounds/r1: bad or missing "status"',
    );
    await expect(bad({ candidates: [{ ...round().candidates[0], kind: 'tv' }] })).rejects.toThrow(
      'survey_rounds/r1 candidates[0]: bad or missing "kind"',
    );
    await expect(
      bad({ candidates: [{ ...round().candidates[0], source: 'staff' }] }),
    ).rejects.toThrow('survey_rounds/r1 candidates[0]: bad or missing "source"');
    await expect(bad({ menu: 'paperwork' })).rejects.toThrow(
      'survey_rounds/r1: bad or missing "menu"',
    );
    await expect(bad({ maxChoices: 2.5 })).rejects.toThrow(
      'survey_rounds/r1: bad or missing "maxChoices"',
    );
  });
});

describe('surveys.updateRound', () => {
  it(`compares and sets in one transaction of ${UPDATE_ROUND_OPERATIONS.updated} operations, keeping what the patch leaves undefined`, async () => {
    const { emulator, surveys, cost } = setup();
    await surveys.createRound(round({ menu: ['paperwork', 'p-phone'] }));
    const closed = await cost(() =>
      surveys.updateRound('r1', ['open'], { status: 'closed', menu: undefined }),
    );
    expect(closed).toMatchObject({
      result: round({ status: 'closed', menu: ['paperwork', 'p-phone'] }),
      ops: UPDATE_ROUND_OPERATIONS.updated,
      writes: 1,
      outside: 0,
      transactions: 1,
    });
    const patch = { status: 'published' as const, menu: ['p-phone'], publishedAt: LATER_ISO };
    expect(await surveys.updateRound('r1', ['open', 'closed'], patch)).toEqual(round(patch));
    // The menu list is written exactly, the rest as it was.
    expect(emulator.dump('survey_rounds')).toEqual([{ _id: 'r1', ...roundDoc(patch) }]);
    expect(await surveys.getRound('r1')).toEqual(round(patch));
  });

  it(`is null after ${UPDATE_ROUND_OPERATIONS.stale} read, writing nothing, once the status moved on; so for a missing round or an empty patch`, async () => {
    const { surveys, cost } = setup();
    await surveys.createRound(round({ status: 'published', menu: ['paperwork'] }));
    expect(
      await cost(() => surveys.updateRound('r1', ['open'], { status: 'closed' })),
    ).toMatchObject({ result: null, ops: UPDATE_ROUND_OPERATIONS.stale, writes: 0 });
    expect(
      await cost(() => surveys.updateRound('gone', ['open'], { status: 'closed' })),
    ).toMatchObject({ result: null, writes: 0 });
    expect(await cost(() => surveys.updateRound('r1', ['published'], {}))).toMatchObject({
      result: round({ status: 'published', menu: ['paperwork'] }),
      writes: 0,
    });
  });

  it('lets only one of two staff members closing and publishing at once win', async () => {
    const { emulator, surveys } = setup();
    await surveys.createRound(round());
    const [closed, published] = await Promise.all([
      surveys.updateRound('r1', ['open'], { status: 'closed' }),
      surveys.updateRound('r1', ['open'], {
        status: 'published',
        menu: ['paperwork'],
        publishedAt: LATER_ISO,
      }),
    ]);
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    expect([closed, published].filter((r) => r !== null)).toHaveLength(1);
    expect((await surveys.getRound('r1'))?.status).toBe(closed ? 'closed' : 'published');
  });

  it(`gives up after ${FEW_RACERS.attempts} conflicted transactions; a malformed round is tried once`, async () => {
    const { emulator, surveys, seed } = setup();
    await surveys.createRound(round());
    jest.spyOn(Math, 'random').mockReturnValue(0);
    emulator.inject({ collection: 'survey_rounds', op: 'set', error: 'conflict', times: Infinity });
    emulator.resetCounts();
    const attempt = surveys.updateRound('r1', ['open'], { status: 'closed' });
    await expect(attempt).rejects.toBeInstanceOf(Unavailable);
    expect(emulator.counts().transactions.started).toBe(FEW_RACERS.attempts);
    emulator.clearFaults();
    await seed('survey_rounds', 'r1', { ...roundDoc(), status: 'archived' });
    emulator.resetCounts();
    await expect(surveys.updateRound('r1', ['open'], { status: 'closed' })).rejects.toThrow(
      'survey_rounds/r1: bad or missing "status"',
    );
    expect(emulator.counts().transactions.started).toBe(1);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the survey collections, inside transactions too', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, surveys } = setup('contract_');
    await surveys.createRound(round());
    await surveys.vote(ballot());
    expect(await surveys.updateRound('r1', ['open'], { status: 'closed' })).toMatchObject({
      status: 'closed',
    });
    expect((await surveys.rounds('c1')).map((r) => r.id)).toEqual(['r1']);
    expect(await surveys.votes('r1')).toEqual([ballot()]);
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_survey_rounds',
      'contract_survey_voids',
      'contract_survey_votes',
    ]);
  });
});
