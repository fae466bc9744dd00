import { served, unindexed } from './indexes';

const shape = (collection: string, fields: string[], sort: string[] = []) => ({
  collection,
  fields,
  sort,
});

describe('which index serves a query', () => {
  it('needs the filtered fields first, in any order, then the remaining sort fields', () => {
    const q = shape('bookings', ['date', 'community'], ['startsAt', 'createdAt', '_id']);
    expect(served(q, ['community', 'date', 'startsAt', 'createdAt'])).toBe(true);
    expect(served(q, ['community', 'date', 'startsAt'])).toBe(false);
    expect(served(q, ['community', 'startsAt', 'date'])).toBe(false);
    expect(
      served(shape('followups', ['closedAt', 'community'], ['closedAt', 'seq']), [
        'community',
        'closedAt',
        'seq',
      ]),
    ).toBe(true);
  });

  it('lets a per-user map key ride on the indexed field beside it', () => {
    expect(served(shape('queue_evenings', ['date', 'users.wx:abc'], ['_id']), ['date'])).toBe(true);
    expect(
      unindexed([shape('queue_evenings', ['date', 'users.wx:abc'])], {
        queue_evenings: [['date']],
      }),
    ).toEqual([]);
  });

  it('reports a query no declared index serves; a read by _id alone needs none', () => {
    const lonely = shape('tickets', ['community']);
    expect(unindexed([lonely, shape('communities', [], ['_id'])], {})).toEqual([lonely]);
  });
});
