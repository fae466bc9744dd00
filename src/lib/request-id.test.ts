import { newRequestId } from './request-id';

describe('newRequestId', () => {
  it('matches the contract pattern and differs per call', () => {
    const ids = Array.from({ length: 200 }, newRequestId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
