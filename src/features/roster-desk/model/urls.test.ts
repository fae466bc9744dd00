import { rosterUrl } from './urls';

it('addresses the roster desk', () => {
  expect(rosterUrl('a b')).toBe('/package-staff/pages/roster/index?c=a%20b');
  expect(rosterUrl('jinse', '2026-12-02')).toBe(
    '/package-staff/pages/roster/index?c=jinse&d=2026-12-02',
  );
});
