/**
 * The CloudBase SurveyRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded, as in followups.test.ts; the shared contract suite checks behaviour
 * against a real environment.
 *
 * Two staff members closing and publishing one round at once need transactions that can conflict:
 * `snapshotTransactions` stands in for CloudBase's transactions only (mock-transactions.ts).
 */
import type { RoundRecord, VoteRecord } from '../../core/ports';
import { createCloudBaseStore, PAGE_SIZE, UPDATE_ROUND_OPERATIONS } from './index';
import { notFoundError } from './mock-sdk';
import { snapshotTransactions } from './mock-transactions';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, useMockDb } from './test-support';
import { ballotId } from './surveys';
import { FEW_RACERS } from './transaction';

const NOW_ISO = '2026-12-02T02:00:00.000Z';
const LATER_ISO = '2026-12-02T06:00:00.000Z';

useMockDb();
const surveys = () => createCloudBaseStore(mock.db).surveys;

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
  ...fields,
});

const ballotDoc = (fields: Partial<VoteRecord> = {}): DocData => {
  const b = ballot(fields);
  return { _id: ballotId(b.roundId, b.voterKey), ...b };
};

const cannedRound = (fields: Partial<RoundRecord> = {}) =>
  mock
    .txDoc('survey_rounds', fields.id ?? 'r1')
    .get.mockResolvedValueOnce({ data: roundDoc(fields) });

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
  it('set()s the ballot under its fixed _id: no add, no query, no transaction', async () => {
    await surveys().vote(ballot({ choices: ['paperwork', 'p-phone'] }));
    expect(mock.dbOps()).toEqual([`set survey_votes/${ballotId('r1', 'wx:o-1')}`]);
    expect(mock.doc('survey_votes', ballotId('r1', 'wx:o-1')).set).toHaveBeenCalledWith({
      data: {
        roundId: 'r1',
        voterKey: 'wx:o-1',
        choices: ['paperwork', 'p-phone'],
        paper: false,
        updatedAt: NOW_ISO,
      },
    });
    expect(mock.add('survey_votes')).not.toHaveBeenCalled();
    expect(mock.runTransaction).not.toHaveBeenCalled();
    expect(mock.queries).toEqual([]);
  });

  it('replaces a voter’s first ballot with the second: the same document, written whole', async () => {
    await surveys().vote(ballot());
    await surveys().vote(ballot({ choices: ['p-phone'], updatedAt: LATER_ISO }));
    const id = ballotId('r1', 'wx:o-1');
    expect(mock.dbOps()).toEqual([`set survey_votes/${id}`, `set survey_votes/${id}`]);
    expect(mock.doc('survey_votes', id).set.mock.calls[1]![0].data).toEqual({
      roundId: 'r1',
      voterKey: 'wx:o-1',
      choices: ['p-phone'],
      paper: false,
      updatedAt: LATER_ISO,
    });
    expect(mock.doc('survey_votes', id).update).not.toHaveBeenCalled();
  });

  it('gives each paper ballot of a stack its own document', async () => {
    for (let n = 0; n < 3; n += 1) {
      await surveys().vote(ballot({ voterKey: `paper:wx:o-staff:req-1:${n}`, paper: true }));
    }
    expect(new Set(mock.dbOps()).size).toBe(3);
  });

  it('does not keep the caller’s array: a later change to it is not stored', async () => {
    const vote = ballot({ choices: ['paperwork'] });
    await surveys().vote(vote);
    vote.choices.push('p-phone');
    const data = mock.doc('survey_votes', ballotId('r1', 'wx:o-1')).set.mock.calls[0]![0].data;
    expect(data.choices).toEqual(['paperwork']);
  });
});

describe('surveys.votes', () => {
  it("reads the round's ballots in _id pages and returns them by change, then voter", async () => {
    mock.pages.push([
      ballotDoc({ voterKey: 'wx:o-3', updatedAt: LATER_ISO }),
      ballotDoc({ voterKey: 'wx:o-2' }),
      ballotDoc({ voterKey: 'paper:wx:o-staff:req-1:0', paper: true }),
    ]);
    const votes = await surveys().votes('r1');
    expect(votes.map((v) => v.voterKey)).toEqual(['paper:wx:o-staff:req-1:0', 'wx:o-2', 'wx:o-3']);
    expect(votes[0]).toEqual(
      ballot({ voterKey: 'paper:wx:o-staff:req-1:0', paper: true, updatedAt: NOW_ISO }),
    );
    expect(mock.queries).toEqual([
      {
        collection: 'survey_votes',
        steps: [
          ['where', { roundId: 'r1' }],
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });

  it('pages past the 100-per-read cap', async () => {
    const many = Array.from({ length: PAGE_SIZE }, (_, i) =>
      ballotDoc({ voterKey: `wx:o-${String(i).padStart(3, '0')}` }),
    );
    mock.pages.push(many, [ballotDoc({ voterKey: 'wx:o-last' })]);
    expect(await surveys().votes('r1')).toHaveLength(PAGE_SIZE + 1);
    expect(mock.queries[1]!.steps).toContainEqual(['skip', PAGE_SIZE]);
  });

  it('fails loudly on a malformed ballot, naming the field', async () => {
    mock.pages.push([{ ...ballotDoc(), paper: 'no' }]);
    await expect(surveys().votes('r1')).rejects.toThrow(
      `survey_votes/${ballotId('r1', 'wx:o-1')}: bad or missing "paper"`,
    );
    mock.pages.push([{ ...ballotDoc(), choices: 'paperwork' }]);
    await expect(surveys().votes('r1')).rejects.toThrow('"choices"');
  });
});

// --- rounds ---

describe('surveys.createRound and getRound', () => {
  it('stores the record without its id, candidates embedded, and reads it back', async () => {
    await surveys().createRound(round());
    expect(mock.dbOps()).toEqual(['set survey_rounds/r1']);
    const data = mock.doc('survey_rounds', 'r1').set.mock.calls[0]![0].data;
    expect(data).toEqual(roundDoc());
    mock.doc('survey_rounds', 'r1').get.mockResolvedValueOnce({ data: { _id: 'r1', ...data } });
    expect(await surveys().getRound('r1')).toEqual(round());
  });

  it('keeps a published menu', async () => {
    const published = round({ status: 'published', menu: ['p-phone'], publishedAt: LATER_ISO });
    mock.doc('survey_rounds', 'r1').get.mockResolvedValueOnce({ data: roundDoc(published) });
    expect(await surveys().getRound('r1')).toEqual(published);
  });

  it('is null for a missing round, whichever way the SDK reports it', async () => {
    expect(await surveys().getRound('gone')).toBeNull();
    mock.doc('survey_rounds', 'r9').get.mockRejectedValueOnce(notFoundError('survey_rounds', 'r9'));
    expect(await surveys().getRound('r9')).toBeNull();
  });

  it('fails loudly on a malformed round, naming the field', async () => {
    const bad = (data: DocData) =>
      mock.doc('survey_rounds', 'r1').get.mockResolvedValueOnce({ data });
    bad({ ...roundDoc(), status: 'draft' });
    await expect(surveys().getRound('r1')).rejects.toThrow(
      'survey_rounds/r1: bad or missing "status"',
    );
    bad({ ...roundDoc(), candidates: [{ ...round().candidates[0], kind: 'tv' }] });
    await expect(surveys().getRound('r1')).rejects.toThrow(
      'survey_rounds/r1 candidates[0]: bad or missing "kind"',
    );
    bad({ ...roundDoc(), candidates: [{ ...round().candidates[0], source: 'staff' }] });
    await expect(surveys().getRound('r1')).rejects.toThrow('"source"');
    bad({ ...roundDoc(), menu: 'paperwork' });
    await expect(surveys().getRound('r1')).rejects.toThrow('"menu"');
    bad({ ...roundDoc(), maxChoices: 2.5 });
    await expect(surveys().getRound('r1')).rejects.toThrow('"maxChoices"');
  });
});

describe('surveys.rounds', () => {
  it("queries a community's rounds newest first", async () => {
    mock.pages.push([
      { _id: 'r2', ...roundDoc({ id: 'r2', createdAt: LATER_ISO }) },
      { _id: 'r1', ...roundDoc({ status: 'published', menu: ['paperwork'] }) },
    ]);
    const rounds = await surveys().rounds('c1');
    expect(rounds.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(rounds[1]!.menu).toEqual(['paperwork']);
    expect(mock.queries).toEqual([
      {
        collection: 'survey_rounds',
        steps: [
          ['where', { community: 'c1' }],
          ['orderBy', 'createdAt', 'desc'],
          ['orderBy', '_id', 'desc'],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });
});

describe('surveys.updateRound', () => {
  it(`compares and sets in one transaction of ${UPDATE_ROUND_OPERATIONS.updated} operations`, async () => {
    cannedRound();
    const patch = { status: 'published' as const, menu: ['p-phone'], publishedAt: LATER_ISO };
    const published = await surveys().updateRound('r1', ['open', 'closed'], patch);
    expect(published).toEqual(round(patch));
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual(['get survey_rounds/r1', 'set survey_rounds/r1']);
    expect(UPDATE_ROUND_OPERATIONS.updated).toBe(2);
    // set(), not update(): the menu list is written exactly, the rest as it was.
    expect(mock.txDoc('survey_rounds', 'r1').set).toHaveBeenCalledWith({ data: roundDoc(patch) });
    expect(mock.txDoc('survey_rounds', 'r1').update).not.toHaveBeenCalled();
  });

  it('leaves fields the patch leaves undefined as they were', async () => {
    cannedRound({ menu: ['paperwork'] });
    const closed = await surveys().updateRound('r1', ['open'], {
      status: 'closed',
      menu: undefined,
    });
    expect(closed).toEqual(round({ status: 'closed', menu: ['paperwork'] }));
    expect(mock.txDoc('survey_rounds', 'r1').set).toHaveBeenCalledWith({
      data: roundDoc({ status: 'closed', menu: ['paperwork'] }),
    });
  });

  it(`is null, after ${UPDATE_ROUND_OPERATIONS.stale} read and no write, once the status moved on`, async () => {
    cannedRound({ status: 'published', menu: ['paperwork'] });
    expect(await surveys().updateRound('r1', ['open'], { status: 'closed' })).toBeNull();
    expect(mock.txOps()).toEqual(['get survey_rounds/r1']);
    noWrites();
  });

  it('is null for a missing round, and writes nothing for an empty patch', async () => {
    expect(await surveys().updateRound('gone', ['open'], { status: 'closed' })).toBeNull();
    cannedRound();
    expect(await surveys().updateRound('r1', ['open'], {})).toEqual(round());
    noWrites();
  });

  it('lets only one of two staff members closing and publishing at once win', async () => {
    const db = snapshotTransactions();
    instantRetries();
    db.seed('survey_rounds/r1', roundDoc());
    const [closed, published] = await Promise.all([
      surveys().updateRound('r1', ['open'], { status: 'closed' }),
      surveys().updateRound('r1', ['open'], {
        status: 'published',
        menu: ['paperwork'],
        publishedAt: LATER_ISO,
      }),
    ]);
    expect(db.conflicts()).toBeGreaterThan(0);
    expect([closed, published].filter((r) => r !== null)).toHaveLength(1);
    const stored = db.doc('survey_rounds/r1')!;
    expect(stored.status).toBe(closed ? 'closed' : 'published');
  });

  it(`retries as few racers (${FEW_RACERS.attempts} attempts), a malformed round not at all`, async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValueOnce(new Error('conflict'));
    cannedRound();
    expect(await surveys().updateRound('r1', ['open'], { status: 'closed' })).toMatchObject({
      status: 'closed',
    });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);

    mock.runTransaction.mockClear();
    mock.txDoc('survey_rounds', 'r1').get.mockResolvedValueOnce({
      data: { ...roundDoc(), status: 'archived' },
    });
    await expect(surveys().updateRound('r1', ['open'], { status: 'closed' })).rejects.toThrow(
      '"status"',
    );
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);

    mock.runTransaction.mockClear();
    mock.runTransaction.mockRejectedValue(new Error('conflict'));
    await expect(surveys().updateRound('r1', ['open'], { status: 'closed' })).rejects.toThrow(
      'conflict',
    );
    expect(mock.runTransaction).toHaveBeenCalledTimes(FEW_RACERS.attempts);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the survey collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).surveys;
    await prefixed.getRound('r1');
    await prefixed.votes('r1');
    await prefixed.vote(ballot());
    await prefixed.updateRound('r1', ['open'], { status: 'closed' });
    expect(mock.collections).toEqual([
      'contract_survey_rounds',
      'contract_survey_votes',
      'contract_survey_votes',
    ]);
    expect(mock.txOps()).toEqual(['get contract_survey_rounds/r1']);
  });
});
