import {
  CATEGORY_REQUIRED,
  checkDraft,
  draftSubject,
  EMPTY_DRAFT,
  suggestionInput,
  TEXT_REQUIRED,
  TEXT_TOO_LONG,
} from './suggestion-form';
import { changeLine } from './suggestion-text';

describe('suggestion draft', () => {
  it('needs a category and some text, at most 500 characters', () => {
    expect(checkDraft(EMPTY_DRAFT)).toEqual({ category: CATEGORY_REQUIRED, text: TEXT_REQUIRED });
    expect(checkDraft({ ...EMPTY_DRAFT, category: 'hours', text: ' \n ' })).toEqual({
      text: TEXT_REQUIRED,
    });
    expect(checkDraft({ ...EMPTY_DRAFT, category: 'hours', text: '字'.repeat(501) })).toEqual({
      text: TEXT_TOO_LONG,
    });
    expect(checkDraft({ ...EMPTY_DRAFT, category: 'hours', text: '字'.repeat(500) })).toEqual({});
  });

  it('sends the trimmed text, the photo and follow-up only when there are any', () => {
    const draft = { category: 'hours', text: ' 周五也开 ', photo: null };
    expect(suggestionInput('jinse', null, draft, 'req-00000001')).toEqual({
      community: 'jinse',
      category: 'hours',
      text: '周五也开',
      requestId: 'req-00000001',
    });
    expect(
      suggestionInput(
        'jinse',
        'f-1',
        { ...draft, photo: { ref: '/media/a.jpg', preview: 'data:' } },
        'req-00000001',
      ),
    ).toMatchObject({ photo: '/media/a.jpg', followupId: 'f-1' });
  });

  it('is the same attempt while the draft is unchanged (spaces aside)', () => {
    const draft = { category: 'hours', text: '周五也开', photo: null };
    expect(draftSubject('jinse', null, draft)).toBe(
      draftSubject('jinse', null, { ...draft, text: '周五也开 ' }),
    );
    expect(draftSubject('jinse', null, draft)).not.toBe(
      draftSubject('jinse', null, { ...draft, category: 'other' }),
    );
  });
});

describe('suggestion words', () => {
  it('says the change', () => {
    expect(changeLine({ title: '周三晚增加康复理疗', since: '2026-12-09' })).toBe(
      '已改进：周三晚增加康复理疗（12月9日 起）',
    );
  });
});
