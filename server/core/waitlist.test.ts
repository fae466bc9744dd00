/** The shared place-and-waitlist rules, on plain values: no store. */
import { claimPlace, hasRoom, nextInLine, placesLeft, promote, promoteNext } from './waitlist';

const AT = '2026-12-02T11:00:00.000Z';
const waiting = (id: string) => ({
  id,
  status: 'waitlisted' as 'waitlisted' | 'signed',
  waitlistedAt: '2026-12-02T10:00:00.000Z',
  promotedAt: null as string | null,
});
const none = { retried: null, held: null };

describe('places', () => {
  it('counts what is left, never below zero; no capacity is unlimited', () => {
    expect(placesLeft(3, 1)).toBe(2);
    expect(placesLeft(2, 5)).toBe(0);
    expect(placesLeft(null, 1000)).toBe(Infinity);
    expect(hasRoom(2, 1)).toBe(true);
    expect(hasRoom(2, 2)).toBe(false);
    expect(hasRoom(0, 0)).toBe(false);
    expect(hasRoom(null, 99)).toBe(true);
  });
});

describe('claimPlace', () => {
  it('gives a retried request the record it made, before the user’s live one', () => {
    expect(claimPlace({ retried: 'r', held: 'h' }, 0, 5, true)).toEqual({
      kind: 'existing',
      id: 'r',
    });
  });

  it('gives the user their live record rather than a second one, even when full', () => {
    expect(claimPlace({ retried: null, held: 'h' }, 5, 5, false)).toEqual({
      kind: 'existing',
      id: 'h',
    });
  });

  it('seats while places are left, then the line, or full without a line', () => {
    expect(claimPlace(none, 1, 2, false)).toEqual({ kind: 'seat' });
    expect(claimPlace(none, 2, 2, true)).toEqual({ kind: 'waitlist' });
    expect(claimPlace(none, 2, 2, false)).toEqual({ kind: 'full' });
    expect(claimPlace(none, 500, null, false)).toEqual({ kind: 'seat' });
  });
});

describe('promotion', () => {
  it('takes the first of the line, as many as places are free', () => {
    expect(nextInLine(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(nextInLine(['a'], 3)).toEqual(['a']);
    expect(nextInLine(['a', 'b'], Infinity)).toEqual(['a', 'b']);
    expect(nextInLine(['a', 'b'], 0)).toEqual([]);
    expect(nextInLine([], 1)).toEqual([]);
  });

  it('moves the promoted off the line, with when they got the place', () => {
    const line = [waiting('w1'), waiting('w2'), waiting('w3')];
    const promoted = promoteNext(line, 2, 'signed', AT);
    expect(promoted).toEqual([
      { id: 'w1', status: 'signed', waitlistedAt: null, promotedAt: AT },
      { id: 'w2', status: 'signed', waitlistedAt: null, promotedAt: AT },
    ]);
    // The records loaded are left as they were: the store writes the answer.
    expect(line[0]!.status).toBe('waitlisted');
  });

  it('promotes nobody when no place came free', () => {
    expect(promoteNext([waiting('w1')], 0, 'signed', AT)).toEqual([]);
  });

  it('refuses to promote a record that is not waiting', () => {
    expect(() => promote({ ...waiting('s1'), status: 'signed' }, 'signed', AT)).toThrow(
      'Not on the waitlist: s1',
    );
  });
});
