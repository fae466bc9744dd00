import type { ManagedCommunity } from '@/types/contract';
import {
  addEvening,
  changeEvening,
  draftOf,
  emptyDraft,
  fieldsOf,
  removeEvening,
} from './community-form';

const JINSE: ManagedCommunity = {
  id: 'jinse',
  name: '金色里程社区',
  address: '',
  contactPhone: null,
  evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
  services: ['政务服务'],
  archivedAt: null,
};

describe('the community form', () => {
  it('starts a new community with one Wednesday evening', () => {
    expect(fieldsOf(emptyDraft())).toEqual({
      name: '',
      address: '',
      contactPhone: '',
      evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
    });
  });

  it('adds evenings on free weekdays, Monday first, with the last hours; removes one', () => {
    let draft = draftOf(JINSE);
    draft = changeEvening(draft, draft.evenings[0]!.key, { closesAt: '20:30' });
    draft = addEvening(draft);
    expect(fieldsOf(draft).evenings).toEqual([
      { weekday: 3, opensAt: '17:00', closesAt: '20:30' },
      { weekday: 1, opensAt: '17:00', closesAt: '20:30' },
    ]);
    for (let i = 0; i < 10; i += 1) draft = addEvening(draft);
    expect(draft.evenings.map((e) => e.weekday)).toEqual([3, 1, 2, 4, 5, 6, 0]);
    const monday = draft.evenings[1]!;
    draft = changeEvening(draft, monday.key, { opensAt: ' 18:00 ' });
    expect(fieldsOf(draft).evenings[1]).toEqual({
      weekday: 1,
      opensAt: '18:00',
      closesAt: '20:30',
    });
    draft = removeEvening(draft, monday.key);
    expect(draft.evenings.map((e) => e.weekday)).toEqual([3, 2, 4, 5, 6, 0]);
  });

  it('edits a community without a phone as an empty field', () => {
    expect(draftOf(JINSE)).toMatchObject({ id: 'jinse', contactPhone: '', address: '' });
  });
});
