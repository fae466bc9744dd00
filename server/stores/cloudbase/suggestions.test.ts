/**
 * The CloudBase SuggestionRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the `_id` scheme and documents production data
 * depends on (user ids only hashed), malformed documents, what each operation costs (counted by
 * the emulator), races run for real (residents filing at once under one receipt prefix, one
 * request sent many times, a resident racing their own daily limit), and the collection prefix.
 * Documents seeded here bypass the adapter.
 */
import { Unavailable } from '../../core/errors';
import type { ChangeRecord, SubmitOutcome, SuggestionRecord } from '../../core/ports';
import { emulatedStore } from '../../testing/emulated-store';
import { PAGE_SIZE } from './sdk';
import { RECENT_KEPT, SUBMIT_OPERATIONS } from './suggestions';
import type { DocData } from './sdk';
import { authorId, receiptId, requestId } from './suggestions';
import { MANY_RACERS } from './transaction';

const NOW_ISO = '2026-12-02T02:00:00.000Z';
const LATER_ISO = '2026-12-02T06:00:00.000Z';
/** Midnight of 2026-12-02 in Asia/Shanghai. */
const TODAY = '2026-12-01T16:00:00.000Z';
const LIMIT = { since: TODAY, max: 2 };

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  return { ...env, suggestions: env.store.suggestions };
}

afterEach(() => jest.restoreAllMocks());

// --- fixtures ---

type Submission = Omit<SuggestionRecord, 'receipt'>;

const submission = (fields: Partial<Submission> = {}): Submission => ({
  id: 's1',
  community: 'c1',
  userId: 'wx:o-1',
  name: '',
  category: 'hours',
  text: '希望周五也开放',
  photo: null,
  followUpId: null,
  source: 'resident',
  status: 'received',
  reply: null,
  reason: null,
  mergedInto: null,
  changeId: null,
  solved: null,
  requestId: 'req-aaaaaaaa',
  createdAt: NOW_ISO,
  updatedAt: NOW_ISO,
  answeredAt: null,
  ...fields,
});

const record = (fields: Partial<SuggestionRecord> = {}): SuggestionRecord => ({
  ...submission(fields),
  receipt: 'C1-1202-001',
  ...fields,
});

/** A stored suggestion document: the record without its id, plus its number under the prefix. */
const suggestionDoc = (fields: Partial<SuggestionRecord> = {}, seq = 1): DocData => {
  const { id: _id, ...rest } = record(fields);
  return { ...rest, seq };
};

/** Resident n's submission. */
const of = (n: number, fields: Partial<Submission> = {}) =>
  submission({ id: `s${n}`, userId: `wx:o-${n}`, requestId: `req-${n}`, ...fields });

const REQUEST = requestId('wx:o-1', 'req-aaaaaaaa');
const AUTHOR = authorId('wx:o-1');
const RECEIPT = receiptId('C1-1202');

// --- keys ---

describe('suggestion keys', () => {
  it('are deterministic, hash user ids and keep safe receipt prefixes readable', () => {
    expect(REQUEST).toBe(requestId('wx:o-1', 'req-aaaaaaaa'));
    expect(REQUEST).toMatch(/^request_[A-Za-z0-9_-]{22}$/);
    expect(REQUEST).not.toContain('o-1');
    expect(requestId('wx:o-1', 'req-b')).not.toBe(REQUEST);
    expect(requestId('wx:o-2', 'req-aaaaaaaa')).not.toBe(REQUEST);
    expect(AUTHOR).toMatch(/^author_[A-Za-z0-9_-]{22}$/);
    expect(RECEIPT).toBe('receipt_C1-1202');
    expect(receiptId('C1/12.02')).toMatch(/^receipthash_[A-Za-z0-9_-]{22}$/);
  });
});

// --- submit ---

describe('suggestions.submit', () => {
  it(`files a resident's suggestion in one transaction of ${SUBMIT_OPERATIONS.resident} operations`, async () => {
    const { emulator, suggestions, cost } = setup();
    await suggestions.submit(of(2, { createdAt: '2026-12-02T01:00:00.000Z' }), 'C1-1202', LIMIT);
    expect(await cost(() => suggestions.submit(submission(), 'C1-1202', LIMIT))).toMatchObject({
      result: { kind: 'created', record: record({ receipt: 'C1-1202-002' }) },
      ops: SUBMIT_OPERATIONS.resident,
      writes: 4,
      outside: 0,
      transactions: 1,
    });
    await suggestions.submit(
      submission({ id: 's3', requestId: 'req-3', createdAt: '2026-12-02T01:30:00.000Z' }),
      'C1-1202',
      null,
    );
    expect(emulator.dump('suggestion_keys')).toEqual([
      { _id: RECEIPT, prefix: 'C1-1202', last: 3 },
      { _id: authorId('wx:o-2'), recent: ['2026-12-02T01:00:00.000Z'] },
      { _id: requestId('wx:o-2', 'req-2'), suggestionId: 's2' },
      // Newest filing first, whatever the order they were filed in.
      { _id: AUTHOR, recent: [NOW_ISO, '2026-12-02T01:30:00.000Z'] },
      { _id: REQUEST, suggestionId: 's1' },
      { _id: requestId('wx:o-1', 'req-3'), suggestionId: 's3' },
    ]);
    // Every record field but the id, which is the _id, and the number in its receipt.
    expect(emulator.dump('suggestions')[1]).toEqual({
      _id: 's1',
      ...suggestionDoc({ receipt: 'C1-1202-002' }, 2),
    });
  });

  it(`returns a retried request's suggestion in ${SUBMIT_OPERATIONS.existing} operations, even at the limit, and refuses past it in ${SUBMIT_OPERATIONS.limited}`, async () => {
    const { suggestions, cost } = setup();
    const limit = { since: TODAY, max: 1 };
    await suggestions.submit(submission(), 'C1-1202', limit);
    await suggestions.update('s1', ['received'], { status: 'answered', reply: '收到' });
    expect(await cost(() => suggestions.submit(submission(), 'C1-1202', limit))).toMatchObject({
      result: { kind: 'existing', record: { id: 's1', status: 'answered' } },
      ops: SUBMIT_OPERATIONS.existing,
      writes: 0,
    });
    const another = submission({ id: 's2', requestId: 'req-2' });
    expect(await cost(() => suggestions.submit(another, 'C1-1202', limit))).toMatchObject({
      result: { kind: 'limited' },
      ops: SUBMIT_OPERATIONS.limited,
      writes: 0,
    });
  });

  it('counts only filings since `since` against the limit, whatever instant it is', async () => {
    const { suggestions } = setup();
    const filed = ['2026-12-02T01:00:00.000Z', TODAY, '2026-12-01T15:59:59.999Z'];
    for (const [i, createdAt] of filed.entries()) {
      await suggestions.submit(
        submission({ id: `s${i}`, requestId: `req-${i}`, createdAt }),
        'C1-1202',
        null,
      );
    }
    const next = submission({ id: 's9', requestId: 'req-9' });
    expect(await suggestions.submit(next, 'C1-1202', LIMIT)).toEqual({ kind: 'limited' });
    // The same filings, counted from later on: one is left, so this one goes through.
    const later = { since: '2026-12-01T20:00:00.000Z', max: 2 };
    expect(await suggestions.submit(next, 'C1-1202', later)).toMatchObject({ kind: 'created' });
  });

  it(`keeps only the newest ${RECENT_KEPT} filing times, and refuses a larger limit`, async () => {
    const { suggestions, seed, doc } = setup();
    const recent = Array.from({ length: RECENT_KEPT }, (_, i) =>
      new Date(Date.parse('2026-11-01T00:00:00.000Z') - i * 3_600_000).toISOString(),
    );
    await seed('suggestion_keys', AUTHOR, { recent });
    await suggestions.submit(submission(), 'C1-1202', null);
    const kept = doc('suggestion_keys', AUTHOR)!.recent as string[];
    expect(kept).toHaveLength(RECENT_KEPT);
    expect(kept[0]).toBe(NOW_ISO);
    expect(kept.at(-1)).toBe(recent.at(-2));
    const tooMany = { since: TODAY, max: RECENT_KEPT + 1 };
    await expect(suggestions.submit(submission({ id: 's2' }), 'C1-1202', tooMany)).rejects.toThrow(
      RangeError,
    );
  });

  it(`files one made on a call in ${SUBMIT_OPERATIONS.call} operations, not counted against the resident`, async () => {
    const { suggestions, cost, doc } = setup();
    const call = submission({ source: 'call', name: '王阿姨', requestId: 'call:f1' });
    expect(await cost(() => suggestions.submit(call, 'C1-1203', null))).toMatchObject({
      result: { kind: 'created', record: { receipt: 'C1-1203-001' } },
      ops: SUBMIT_OPERATIONS.call,
    });
    expect(doc('suggestion_keys', AUTHOR)).toBeUndefined();
    expect(doc('suggestion_keys', requestId('wx:o-1', 'call:f1'))).toMatchObject({
      suggestionId: 's1',
    });
  });

  it(`files an anonymous one in ${SUBMIT_OPERATIONS.anonymous} operations, without request or limit`, async () => {
    const { emulator, suggestions, cost } = setup();
    for (const id of ['s1', 's2', 's3']) {
      expect(
        await cost(() => suggestions.submit(submission({ id, userId: null }), 'C1-1202', LIMIT)),
      ).toMatchObject({ result: { kind: 'created' }, ops: SUBMIT_OPERATIONS.anonymous });
    }
    expect(emulator.dump('suggestion_keys')).toEqual([
      { _id: RECEIPT, prefix: 'C1-1202', last: 3 },
    ]);
  });

  it('treats an erased request as new', async () => {
    const { suggestions, doc } = setup();
    await suggestions.submit(submission(), 'C1-1202', null);
    await suggestions.erase('wx:o-1');
    expect(await suggestions.submit(submission({ id: 's2' }), 'C1-1202', null)).toMatchObject({
      kind: 'created',
      record: { id: 's2', receipt: 'C1-1202-002' },
    });
    expect(doc('suggestion_keys', REQUEST)).toEqual({ _id: REQUEST, suggestionId: 's2' });
  });

  it('fails loudly, trying once, on a malformed counter or a request without its suggestion', async () => {
    const { emulator, suggestions, seed } = setup();
    await seed('suggestion_keys', RECEIPT, { prefix: 'C1-1202', last: '2' });
    emulator.resetCounts();
    await expect(suggestions.submit(submission(), 'C1-1202', null)).rejects.toThrow(
      `suggestion_keys/${RECEIPT}: bad or missing "last"`,
    );
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
    await seed('suggestion_keys', REQUEST, { suggestionId: 'gone' });
    await expect(suggestions.submit(submission(), 'C1-1202', null)).rejects.toThrow(
      `suggestion_keys/${REQUEST}: bad or missing "suggestion gone"`,
    );
    expect(emulator.dump('suggestions')).toEqual([]);
  });

  it(`gives up after ${MANY_RACERS.attempts} conflicted transactions with UNAVAILABLE`, async () => {
    const { emulator, suggestions } = setup();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    emulator.inject({
      collection: 'suggestion_keys',
      op: 'set',
      error: 'conflict',
      times: Infinity,
    });
    emulator.resetCounts();
    await expect(suggestions.submit(submission(), 'C1-1202', null)).rejects.toBeInstanceOf(
      Unavailable,
    );
    expect(emulator.counts().transactions.started).toBe(MANY_RACERS.attempts);
    expect(emulator.dump('suggestions')).toEqual([]);
  });
});

describe('suggestions.submit under concurrency', () => {
  it('never gives two suggestions filed at once the same receipt', async () => {
    const { emulator, suggestions, doc } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => suggestions.submit(of(i), 'C1-1202', LIMIT)),
    );
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    const receipts = outcomes.map((o) => (o.kind === 'limited' ? '' : o.record.receipt));
    expect([...receipts].sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `C1-1202-${String(i + 1).padStart(3, '0')}`),
    );
    expect(doc('suggestion_keys', RECEIPT)).toMatchObject({ last: 30 });
    const stored = emulator.dump('suggestions');
    expect(stored.map((s) => s.receipt).sort()).toEqual([...receipts].sort());
    // The number in each receipt is the suggestion's seq.
    for (const s of stored)
      expect(String(s.receipt)).toBe(`C1-1202-${String(s.seq).padStart(3, '0')}`);
  });

  it('files one suggestion for one request sent 20 times at once', async () => {
    const { emulator, suggestions, doc } = setup();
    // Each call makes its own id, as the core does; the request is the same.
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        suggestions.submit(submission({ id: `try${i}` }), 'C1-1202', LIMIT),
      ),
    );
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    const idOf = (o: SubmitOutcome) => (o.kind === 'limited' ? null : o.record.id);
    const created = outcomes.filter((o) => o.kind === 'created');
    expect(created).toHaveLength(1);
    const winner = idOf(created[0]!);
    expect(outcomes.map(idOf)).toEqual(outcomes.map(() => winner));
    expect(emulator.dump('suggestions').map((s) => s._id)).toEqual([winner]);
    expect(doc('suggestion_keys', AUTHOR)).toEqual({ _id: AUTHOR, recent: [NOW_ISO] });
  });

  it('holds the daily limit when one resident files many at once', async () => {
    const { emulator, suggestions } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        suggestions.submit(submission({ id: `s${i}`, requestId: `req-${i}` }), 'C1-1202', LIMIT),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(2);
    expect(outcomes.filter((o) => o.kind === 'limited')).toHaveLength(4);
    expect(emulator.dump('suggestions')).toHaveLength(2);
  });
});

// --- update, changes, erase ---

describe('suggestions.update', () => {
  it('updates the patched fields with a get and an update; null or an empty patch writes nothing', async () => {
    const { suggestions, cost, doc } = setup();
    await suggestions.submit(submission(), 'C1-1202', null);
    const patch = { status: 'answered' as const, reply: '收到', answeredAt: LATER_ISO };
    expect(
      await cost(() =>
        suggestions.update('s1', ['received', 'reviewing'], { ...patch, reason: undefined }),
      ),
    ).toMatchObject({ result: record(patch), ops: 2, writes: 1 });
    expect(doc('suggestions', 's1')).toEqual({ _id: 's1', ...suggestionDoc(patch, 1) });
    for (const [id, from] of [
      ['s1', ['received']],
      ['gone', ['received']],
    ] as const) {
      expect(
        await cost(() => suggestions.update(id, [...from], { status: 'reviewing' })),
      ).toMatchObject({ result: null, writes: 0 });
    }
    expect(await cost(() => suggestions.update('s1', ['answered'], {}))).toMatchObject({
      result: record(patch),
      writes: 0,
    });
  });
});

describe('suggestions.addChange', () => {
  const change = (fields: Partial<ChangeRecord> = {}): ChangeRecord => ({
    id: 'ch1',
    community: 'c1',
    title: '周五晚也开放',
    detail: '从 12 月起',
    since: '2026-12-04',
    suggestionIds: ['s1', 's2', 's3', 's4'],
    createdBy: 'wx:o-staff',
    createdAt: LATER_ISO,
    ...fields,
  });

  it('records the change and adopts its suggestions of the community, in one transaction', async () => {
    const { emulator, suggestions, cost } = setup();
    await suggestions.submit(of(1), 'C1-1202', null);
    await suggestions.submit(of(2), 'C1-1202', null);
    await suggestions.submit(of(3, { community: 'c2' }), 'C2-1202', null);
    await suggestions.update('s1', ['received'], { status: 'answered', answeredAt: NOW_ISO });
    await suggestions.update('s2', ['received'], { status: 'merged', mergedInto: 's1' });
    // set the change, then get each suggestion and update those of the community.
    expect(await cost(() => suggestions.addChange(change(), LATER_ISO))).toMatchObject({
      ops: 7,
      writes: 3,
      transactions: 1,
    });
    const { id: _id, ...fields } = change();
    expect(emulator.dump('suggestion_changes')).toEqual([{ _id: 'ch1', ...fields }]);
    // Answered before: adopted now, the first answer's time kept.
    expect(await suggestions.get('s1')).toMatchObject({
      status: 'adopted',
      changeId: 'ch1',
      updatedAt: LATER_ISO,
      answeredAt: NOW_ISO,
    });
    // Merged stays merged, but points at the change.
    expect(await suggestions.get('s2')).toMatchObject({
      status: 'merged',
      changeId: 'ch1',
      answeredAt: LATER_ISO,
    });
    expect(await suggestions.get('s3')).toMatchObject({ status: 'received', changeId: null });
  });

  it('lists changes latest `since` first, then the latest logged', async () => {
    const { suggestions } = setup();
    await suggestions.addChange(change({ id: 'ch1', suggestionIds: [] }), LATER_ISO);
    await suggestions.addChange(
      change({ id: 'ch2', since: '2026-12-11', suggestionIds: [] }),
      LATER_ISO,
    );
    await suggestions.addChange(
      change({ id: 'ch3', createdAt: '2026-12-02T07:00:00.000Z', suggestionIds: [] }),
      LATER_ISO,
    );
    expect((await suggestions.changes('c1')).map((c) => c.id)).toEqual(['ch2', 'ch3', 'ch1']);
  });
});

describe('suggestions.erase', () => {
  it("detaches the user's suggestions, forgets their requests and empties their author document", async () => {
    const { suggestions, cost, doc } = setup();
    await suggestions.submit(
      submission({ photo: 'cloud://env/a.jpg', name: '王阿姨' }),
      'C1-1202',
      null,
    );
    const call = submission({ id: 's2', source: 'call', requestId: 'call:f1' });
    await suggestions.submit(call, 'C1-1202', null);
    await suggestions.submit(of(3), 'C1-1202', null);
    expect(await cost(() => suggestions.erase('wx:o-1'))).toMatchObject({
      result: 2,
      transactions: 2,
    });
    for (const id of ['s1', 's2']) {
      expect(doc('suggestions', id)).toMatchObject({ userId: null, name: '', photo: null });
    }
    expect(doc('suggestions', 's1')).toMatchObject({
      text: '希望周五也开放',
      requestId: 'req-aaaaaaaa',
    });
    expect(doc('suggestion_keys', REQUEST)).toEqual({ _id: REQUEST, removed: true });
    const callRequest = requestId('wx:o-1', 'call:f1');
    expect(doc('suggestion_keys', callRequest)).toEqual({ _id: callRequest, removed: true });
    expect(doc('suggestion_keys', AUTHOR)).toEqual({ _id: AUTHOR, recent: [] });
    expect(doc('suggestions', 's3')).toMatchObject({ userId: 'wx:o-3' });
  });

  it('counts none, runs no transaction and makes no author document for a user who never filed', async () => {
    const { suggestions, cost, doc } = setup();
    expect(await cost(() => suggestions.erase('wx:o-9'))).toMatchObject({
      result: 0,
      writes: 0,
      transactions: 0,
    });
    expect(doc('suggestion_keys', authorId('wx:o-9'))).toBeUndefined();
  });
});

// --- reads ---

describe('suggestions reads', () => {
  it('fail loudly on a malformed suggestion, naming the field', async () => {
    const { suggestions, seed } = setup();
    await seed('suggestions', 's3', suggestionDoc({ status: 'lost' as 'received' }));
    await expect(suggestions.get('s3')).rejects.toThrow('suggestions/s3: bad or missing "status"');
    await seed('suggestions', 's4', suggestionDoc({ solved: 'maybe' as 'yes' }));
    await expect(suggestions.get('s4')).rejects.toThrow('suggestions/s4: bad or missing "solved"');
  });

  it('list and ofUser read newest first, filing order breaking ties, past the 100-per-read cap', async () => {
    const { suggestions, cost } = setup();
    const total = PAGE_SIZE + 3;
    for (let i = 0; i < total; i += 1) {
      const createdAt = i < 2 ? LATER_ISO : NOW_ISO;
      await suggestions.submit(of(i, { userId: 'wx:o-1', createdAt }), 'C1-1202', null);
    }
    const all = await cost(() => suggestions.list('c1'));
    expect(all.ops).toBe(2);
    const ids = all.result.map((s) => s.id);
    expect(ids.slice(0, 3)).toEqual(['s1', 's0', `s${total - 1}`]);
    expect(ids.at(-1)).toBe('s2');
    expect(new Set(ids).size).toBe(total);
    expect((await suggestions.ofUser('wx:o-1')).map((s) => s.id)).toEqual(ids);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the suggestion collections, inside transactions too', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, suggestions } = setup('contract_');
    await suggestions.submit(submission(), 'C1-1202', LIMIT);
    await suggestions.addChange(
      {
        id: 'ch1',
        community: 'c1',
        title: 't',
        detail: '',
        since: '2026-12-04',
        suggestionIds: ['s1'],
        createdBy: 'wx:o-staff',
        createdAt: LATER_ISO,
      },
      LATER_ISO,
    );
    expect(await suggestions.get('s1')).toMatchObject({ status: 'adopted' });
    expect(await suggestions.changes('c1')).toHaveLength(1);
    expect(await suggestions.erase('wx:o-1')).toBe(1);
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_suggestion_changes',
      'contract_suggestion_keys',
      'contract_suggestions',
    ]);
  });
});
