/**
 * The CloudBase SuggestionRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded, as in notices.test.ts; the shared contract suite checks behaviour
 * against a real environment.
 *
 * The races (residents filing at once under one receipt prefix, one request sent many times, a
 * resident racing their own daily limit) need transactions that can conflict:
 * `snapshotTransactions` stands in for CloudBase's transactions only (mock-transactions.ts).
 */
import type { ChangeRecord, SubmitOutcome, SuggestionRecord } from '../../core/ports';
import { createCloudBaseStore, PAGE_SIZE, RECENT_KEPT, SUBMIT_OPERATIONS } from './index';
import { notFoundError } from './mock-sdk';
import { seededJitter, snapshotTransactions } from './mock-transactions';
import { REMOVED } from './notices';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, patched, useMockDb, written } from './test-support';
import { authorId, receiptId, requestId } from './suggestions';
import { MANY_RACERS } from './transaction';

const NOW_ISO = '2026-12-02T02:00:00.000Z';
const LATER_ISO = '2026-12-02T06:00:00.000Z';
/** Midnight of 2026-12-02 in Asia/Shanghai. */
const TODAY = '2026-12-01T16:00:00.000Z';
const LIMIT = { since: TODAY, max: 2 };

useMockDb();
const suggestions = () => createCloudBaseStore(mock.db).suggestions;

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

const suggestionDoc = (fields: Partial<SuggestionRecord> = {}, seq = 1): DocData => {
  const { id: _id, ...rest } = record(fields);
  return { ...rest, seq };
};

const REQUEST = requestId('wx:o-1', 'req-aaaaaaaa');
const AUTHOR = authorId('wx:o-1');
const RECEIPT = receiptId('C1-1202');

const cannedKey = (id: string, data: DocData) =>
  mock.txDoc('suggestion_keys', id).get.mockResolvedValueOnce({ data });
const cannedSuggestion = (fields: Partial<SuggestionRecord> = {}) =>
  mock
    .txDoc('suggestions', fields.id ?? 's1')
    .get.mockResolvedValueOnce({ data: suggestionDoc(fields) });

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
    cannedKey(AUTHOR, { recent: ['2026-12-01T10:00:00.000Z'] });
    cannedKey(RECEIPT, { prefix: 'C1-1202', last: 2 });
    const outcome = await suggestions().submit(submission(), 'C1-1202', LIMIT);
    expect(outcome).toEqual({ kind: 'created', record: record({ receipt: 'C1-1202-003' }) });
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      `get suggestion_keys/${REQUEST}`,
      `get suggestion_keys/${AUTHOR}`,
      `get suggestion_keys/${RECEIPT}`,
      `set suggestion_keys/${RECEIPT}`,
      `set suggestion_keys/${AUTHOR}`,
      `set suggestion_keys/${REQUEST}`,
      'set suggestions/s1',
    ]);
    expect(SUBMIT_OPERATIONS.resident).toBe(7);
    expect(written('suggestion_keys', RECEIPT)).toEqual({ prefix: 'C1-1202', last: 3 });
    expect(written('suggestion_keys', AUTHOR)).toEqual({
      recent: [NOW_ISO, '2026-12-01T10:00:00.000Z'],
    });
    expect(written('suggestion_keys', REQUEST)).toEqual({ suggestionId: 's1' });
    expect(written('suggestions', 's1')).toEqual(suggestionDoc({ receipt: 'C1-1202-003' }, 3));
    expect(mock.collections).toEqual([]);
  });

  it('numbers the first suggestion of a prefix 001', async () => {
    const outcome = await suggestions().submit(submission(), 'C1-1202', null);
    expect(outcome).toMatchObject({ record: { receipt: 'C1-1202-001' } });
    expect(written('suggestions', 's1')).toMatchObject({ seq: 1 });
  });

  it(`returns a retried request's suggestion in ${SUBMIT_OPERATIONS.existing} operations, even at the limit`, async () => {
    cannedKey(REQUEST, { suggestionId: 's0' });
    cannedSuggestion({ id: 's0', status: 'answered' });
    expect(await suggestions().submit(submission(), 'C1-1202', LIMIT)).toEqual({
      kind: 'existing',
      record: record({ id: 's0', status: 'answered' }),
    });
    expect(mock.txOps()).toEqual([`get suggestion_keys/${REQUEST}`, 'get suggestions/s0']);
    noWrites();
  });

  it('a retry finding its own commit reports it created', async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValueOnce(new Error('network'));
    cannedKey(REQUEST, { suggestionId: 's1' });
    cannedSuggestion();
    expect(await suggestions().submit(submission(), 'C1-1202', LIMIT)).toEqual({
      kind: 'created',
      record: record(),
    });
  });

  it('counts only filings since `since` against the limit, whatever instant it is', async () => {
    cannedKey(AUTHOR, { recent: ['2026-12-02T01:00:00.000Z', TODAY, '2026-12-01T15:59:59.999Z'] });
    expect(await suggestions().submit(submission(), 'C1-1202', LIMIT)).toEqual({
      kind: 'limited',
    });
    expect(mock.txOps()).toEqual([
      `get suggestion_keys/${REQUEST}`,
      `get suggestion_keys/${AUTHOR}`,
    ]);
    expect(SUBMIT_OPERATIONS.limited).toBe(2);
    noWrites();

    // The same two filings, counted from later on: one is left, so this one goes through.
    cannedKey(AUTHOR, { recent: ['2026-12-02T01:00:00.000Z', TODAY] });
    const later = { since: '2026-12-01T20:00:00.000Z', max: 2 };
    expect(await suggestions().submit(submission(), 'C1-1202', later)).toMatchObject({
      kind: 'created',
    });
  });

  it(`keeps only the newest ${RECENT_KEPT} filing times, and refuses a larger limit`, async () => {
    const recent = Array.from({ length: RECENT_KEPT }, (_, i) =>
      new Date(Date.parse('2026-11-01T00:00:00.000Z') - i * 3_600_000).toISOString(),
    );
    cannedKey(AUTHOR, { recent });
    await suggestions().submit(submission(), 'C1-1202', null);
    const kept = written('suggestion_keys', AUTHOR).recent as string[];
    expect(kept).toHaveLength(RECENT_KEPT);
    expect(kept[0]).toBe(NOW_ISO);
    expect(kept.at(-1)).toBe(recent.at(-2));
    await expect(
      suggestions().submit(submission(), 'C1-1202', { since: TODAY, max: RECENT_KEPT + 1 }),
    ).rejects.toThrow(RangeError);
  });

  it(`files one made on a call in ${SUBMIT_OPERATIONS.call} operations, not counted against the resident`, async () => {
    const call = submission({ id: 's5', source: 'call', name: '王阿姨', requestId: 'call:f1' });
    await suggestions().submit(call, 'C1-1203', null);
    const request = requestId('wx:o-1', 'call:f1');
    expect(mock.txOps()).toEqual([
      `get suggestion_keys/${request}`,
      'get suggestion_keys/receipt_C1-1203',
      'set suggestion_keys/receipt_C1-1203',
      `set suggestion_keys/${request}`,
      'set suggestions/s5',
    ]);
    expect(SUBMIT_OPERATIONS.call).toBe(5);
  });

  it(`files an anonymous one in ${SUBMIT_OPERATIONS.anonymous} operations, without request or limit`, async () => {
    await suggestions().submit(submission({ userId: null }), 'C1-1202', LIMIT);
    expect(mock.txOps()).toEqual([
      `get suggestion_keys/${RECEIPT}`,
      `set suggestion_keys/${RECEIPT}`,
      'set suggestions/s1',
    ]);
    expect(SUBMIT_OPERATIONS.anonymous).toBe(3);
  });

  it('treats an erased request as new', async () => {
    cannedKey(REQUEST, REMOVED);
    expect(await suggestions().submit(submission(), 'C1-1202', null)).toMatchObject({
      kind: 'created',
    });
    expect(written('suggestion_keys', REQUEST)).toEqual({ suggestionId: 's1' });
  });

  it('does not retry a malformed counter or a request without its suggestion', async () => {
    cannedKey(RECEIPT, { prefix: 'C1-1202', last: '2' });
    await expect(suggestions().submit(submission(), 'C1-1202', null)).rejects.toThrow(
      `suggestion_keys/${RECEIPT}: bad or missing "last"`,
    );
    cannedKey(REQUEST, { suggestionId: 'gone' });
    await expect(suggestions().submit(submission(), 'C1-1202', null)).rejects.toThrow(
      'suggestion gone',
    );
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    noWrites();
  });

  it('never gives two suggestions filed at once the same receipt', async () => {
    const db = snapshotTransactions();
    seededJitter(11);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        suggestions().submit(
          submission({ id: `p${i}`, userId: `wx:o-${i}`, requestId: `req-${i}` }),
          'C1-1202',
          LIMIT,
        ),
      ),
    );
    expect(db.conflicts()).toBeGreaterThan(0);
    const receipts = outcomes.map((o) => (o.kind === 'limited' ? '' : o.record.receipt));
    expect([...receipts].sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `C1-1202-${String(i + 1).padStart(3, '0')}`),
    );
    expect(db.doc(`suggestion_keys/${RECEIPT}`)).toEqual({ prefix: 'C1-1202', last: 30 });
    expect(
      db
        .docs('suggestions')
        .map((s) => s.receipt)
        .sort(),
    ).toEqual([...receipts].sort());
  });

  it('files one suggestion for one request sent 20 times at once', async () => {
    const db = snapshotTransactions();
    seededJitter(11);
    // Each call makes its own id, as the core does; the request is the same.
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        suggestions().submit(submission({ id: `try${i}` }), 'C1-1202', LIMIT),
      ),
    );
    expect(db.conflicts()).toBeGreaterThan(0);
    const idOf = (o: SubmitOutcome) => (o.kind === 'limited' ? null : o.record.id);
    const created = outcomes.filter((o) => o.kind === 'created');
    expect(created).toHaveLength(1);
    const winner = idOf(created[0]!);
    expect(outcomes.map(idOf)).toEqual(outcomes.map(() => winner));
    expect(db.docs('suggestions').map((s) => s.id)).toEqual([winner]);
    expect(db.doc(`suggestion_keys/${AUTHOR}`)).toEqual({ recent: [NOW_ISO] });
  });

  it('holds the daily limit when one resident files many at once', async () => {
    const db = snapshotTransactions();
    seededJitter(11);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        suggestions().submit(submission({ id: `s${i}`, requestId: `req-${i}` }), 'C1-1202', LIMIT),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(2);
    expect(outcomes.filter((o) => o.kind === 'limited')).toHaveLength(4);
    expect(db.docs('suggestions')).toHaveLength(2);
  });

  it(`retries as many racers (${MANY_RACERS.attempts} attempts)`, async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValue(new Error('conflict'));
    await expect(suggestions().submit(submission(), 'C1-1202', null)).rejects.toThrow('conflict');
    expect(mock.runTransaction).toHaveBeenCalledTimes(MANY_RACERS.attempts);
  });
});

// --- update, changes, erase ---

describe('suggestions.update', () => {
  it('updates the patched fields while the status is one of `from`', async () => {
    cannedSuggestion();
    const updated = await suggestions().update('s1', ['received', 'reviewing'], {
      status: 'answered',
      reply: '收到',
      answeredAt: LATER_ISO,
      reason: undefined,
    });
    expect(updated).toEqual(record({ status: 'answered', reply: '收到', answeredAt: LATER_ISO }));
    expect(mock.txOps()).toEqual(['get suggestions/s1', 'update suggestions/s1']);
    expect(patched('suggestions', 's1')).toEqual({
      status: 'answered',
      reply: '收到',
      answeredAt: LATER_ISO,
    });
  });

  it('is null, writing nothing, when the status moved on or there is no suggestion', async () => {
    cannedSuggestion({ status: 'answered' });
    expect(await suggestions().update('s1', ['received'], { status: 'reviewing' })).toBeNull();
    mock.txDoc('suggestions', 's2').get.mockRejectedValueOnce(notFoundError('suggestions', 's2'));
    expect(await suggestions().update('s2', ['received'], { status: 'reviewing' })).toBeNull();
    cannedSuggestion();
    expect(await suggestions().update('s1', ['received'], {})).toEqual(record());
    noWrites();
  });
});

describe('suggestions.addChange', () => {
  const change: ChangeRecord = {
    id: 'ch1',
    community: 'c1',
    title: '周五晚也开放',
    detail: '从 12 月起',
    since: '2026-12-04',
    suggestionIds: ['s1', 's2', 's3', 's4'],
    createdBy: 'wx:o-staff',
    createdAt: LATER_ISO,
  };

  it('records the change and adopts its suggestions of the community, in one transaction', async () => {
    cannedSuggestion({ status: 'answered', answeredAt: NOW_ISO });
    cannedSuggestion({ id: 's2', status: 'merged', mergedInto: 's1' });
    cannedSuggestion({ id: 's3', community: 'c2' });
    await suggestions().addChange(change, LATER_ISO);
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      'set suggestion_changes/ch1',
      'get suggestions/s1',
      'update suggestions/s1',
      'get suggestions/s2',
      'update suggestions/s2',
      'get suggestions/s3',
      'get suggestions/s4',
    ]);
    const { id: _id, ...fields } = change;
    expect(written('suggestion_changes', 'ch1')).toEqual(fields);
    // Answered before: adopted now, the first answer's time kept.
    expect(patched('suggestions', 's1')).toEqual({
      changeId: 'ch1',
      updatedAt: LATER_ISO,
      status: 'adopted',
      answeredAt: NOW_ISO,
    });
    // Merged stays merged, but points at the change.
    expect(patched('suggestions', 's2')).toEqual({
      changeId: 'ch1',
      updatedAt: LATER_ISO,
      status: 'merged',
      answeredAt: LATER_ISO,
    });
  });

  it('getChange and changes read what was written, latest first', async () => {
    const { id: _id, ...fields } = change;
    mock.doc('suggestion_changes', 'ch1').get.mockResolvedValueOnce({ data: fields });
    expect(await suggestions().getChange('ch1')).toEqual(change);
    expect(await suggestions().getChange('none')).toBeNull();
    mock.pages.push([{ _id: 'ch1', ...fields }]);
    expect(await suggestions().changes('c1')).toEqual([change]);
    expect(mock.queries[0]!.steps.slice(0, 4)).toEqual([
      ['where', { community: 'c1' }],
      ['orderBy', 'since', 'desc'],
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', '_id', 'desc'],
    ]);
  });
});

describe('suggestions.erase', () => {
  it("detaches the user's suggestions, forgets their requests and empties their author document", async () => {
    mock.pages.push([{ _id: 's1' }, { _id: 's2' }]);
    cannedSuggestion({ photo: 'cloud://env/a.jpg', name: '王阿姨' });
    cannedSuggestion({ id: 's2', source: 'call', requestId: 'call:f1' });
    mock.doc('suggestion_keys', AUTHOR).get.mockResolvedValueOnce({ data: { recent: [NOW_ISO] } });
    expect(await suggestions().erase('wx:o-1')).toBe(2);
    expect(mock.queries[0]).toEqual({
      collection: 'suggestions',
      steps: [
        ['where', { userId: 'wx:o-1' }],
        ['orderBy', '_id', 'asc'],
        ['field', { _id: true }],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    for (const id of ['s1', 's2']) {
      expect(patched('suggestions', id)).toEqual({ userId: null, name: '', photo: null });
    }
    expect(written('suggestion_keys', REQUEST)).toEqual(REMOVED);
    expect(written('suggestion_keys', requestId('wx:o-1', 'call:f1'))).toEqual(REMOVED);
    expect(mock.doc('suggestion_keys', AUTHOR).set).toHaveBeenCalledWith({ data: { recent: [] } });
  });

  it('counts none and creates no author document for a user who never filed', async () => {
    expect(await suggestions().erase('wx:o-9')).toBe(0);
    expect(mock.doc('suggestion_keys', authorId('wx:o-9')).set).not.toHaveBeenCalled();
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });
});

// --- reads ---

describe('suggestions reads', () => {
  it('get maps by _id, or null; a malformed one names the field', async () => {
    mock.doc('suggestions', 's1').get.mockResolvedValueOnce({ data: suggestionDoc() });
    expect(await suggestions().get('s1')).toEqual(record());
    expect(await suggestions().get('s2')).toBeNull();
    mock.doc('suggestions', 's3').get.mockResolvedValueOnce({
      data: suggestionDoc({ status: 'lost' as 'received' }),
    });
    await expect(suggestions().get('s3')).rejects.toThrow(
      'suggestions/s3: bad or missing "status"',
    );
    mock.doc('suggestions', 's4').get.mockResolvedValueOnce({
      data: suggestionDoc({ solved: 'maybe' as 'yes' }),
    });
    await expect(suggestions().get('s4')).rejects.toThrow('"solved"');
  });

  it('list and ofUser read newest first, filing order breaking ties, past 100', async () => {
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        _id: `s${from + i}`,
        ...suggestionDoc({ id: `s${from + i}` }, 200 - from - i),
      }));
    mock.pages.push(page(0, 100), page(100, 3));
    const all = await suggestions().list('c1');
    expect(all).toHaveLength(103);
    expect(all[0]).toEqual(record({ id: 's0' }));
    await suggestions().ofUser('wx:o-1');
    const order = [
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', 'seq', 'desc'],
      ['orderBy', '_id', 'desc'],
    ];
    expect(mock.queries.map((q) => q.steps.slice(0, 4))).toEqual([
      [['where', { community: 'c1' }], ...order],
      [['where', { community: 'c1' }], ...order],
      [['where', { userId: 'wx:o-1' }], ...order],
    ]);
    expect(mock.queries[1]!.steps).toContainEqual(['skip', 100]);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the suggestion collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).suggestions;
    await prefixed.get('s1');
    await prefixed.getChange('ch1');
    await prefixed.submit(submission({ userId: null }), 'C1-1202', null);
    expect(mock.collections).toEqual(['contract_suggestions', 'contract_suggestion_changes']);
    expect(mock.txOps()).toEqual([
      `get contract_suggestion_keys/${RECEIPT}`,
      `set contract_suggestion_keys/${RECEIPT}`,
      'set contract_suggestions/s1',
    ]);
  });
});
