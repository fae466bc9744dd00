import { newCode } from '../identity';
import { newId, pooledRandomBytes } from './ids';

describe('record ids from the pooled random bytes', () => {
  it('are 12 URL-safe characters, never the same twice across many pool refills', () => {
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands out bytes that look random: every byte value, about evenly', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2_000; i += 1) for (const b of pooledRandomBytes(64)) counts[b]! += 1;
    // 128,000 bytes: 500 of each value expected; a fixed or short pattern would miss most.
    expect(Math.min(...counts)).toBeGreaterThan(350);
    expect(Math.max(...counts)).toBeLessThan(650);
  });

  it('serves a request larger than the pool, and copies rather than lends the pool', () => {
    expect(pooledRandomBytes(10_000)).toHaveLength(10_000);
    const first = pooledRandomBytes(16);
    const copy = Buffer.from(first);
    for (let i = 0; i < 1_000; i += 1) pooledRandomBytes(16);
    expect(first.equals(copy)).toBe(true);
  });
});

describe('codes read aloud (invites, booking and check-in codes)', () => {
  it('use only the unambiguous alphabet, each letter about as often', () => {
    const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    const counts = new Map<string, number>();
    for (let i = 0; i < 6_200; i += 1) {
      const code = newCode(10);
      expect(code).toHaveLength(10);
      for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe(alphabet);
    // 62,000 letters over 31: 2,000 each expected; a bias toward the first ones would show.
    for (const n of counts.values()) expect(Math.abs(n - 2_000)).toBeLessThan(250);
  });
});
