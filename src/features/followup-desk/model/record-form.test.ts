import { EMPTY_RECORD, isRecordField, parseRecord, saveText } from './record-form';

describe('call record form', () => {
  it('asks for the outcome first', () => {
    expect(parseRecord('fu-1', EMPTY_RECORD)).toEqual({
      input: null,
      errors: { outcome: '请选择这次电话的结果' },
    });
  });

  it('sends only the outcome when the call did not get through', () => {
    const draft = { ...EMPTY_RECORD, outcome: 'no-answer' as const, note: '留着的备注' };
    expect(parseRecord('fu-1', draft)).toEqual({
      input: { id: 'fu-1', outcome: 'no-answer' },
      errors: {},
    });
    expect(saveText(draft)).toBe('记录：无人接听');
    expect(saveText({ ...draft, outcome: 'declined' })).toBe('记录：不愿回访（结束回访）');
  });

  it('needs the satisfaction and whether it was solved on 接通, in the server’s words', () => {
    expect(parseRecord('fu-1', { ...EMPTY_RECORD, outcome: 'reached' }).errors).toEqual({
      satisfaction: '请选择满意度',
      solved: '请选择问题是否解决',
    });
  });

  it('sends a trimmed note and a suggestion with its category', () => {
    const draft = {
      ...EMPTY_RECORD,
      outcome: 'reached' as const,
      satisfaction: 'mostly' as const,
      solved: 'partly' as const,
      note: '  排队有点久 ',
      suggestion: ' 希望多一台仪器 ',
      category: 'bp',
    };
    expect(parseRecord('fu-1', draft)).toEqual({
      input: {
        id: 'fu-1',
        outcome: 'reached',
        satisfaction: 'mostly',
        solved: 'partly',
        note: '排队有点久',
        suggestion: '希望多一台仪器',
        category: 'bp',
      },
      errors: {},
    });
    // Blank note and suggestion are left out.
    expect(parseRecord('fu-1', { ...draft, note: ' ', suggestion: ' ' }).input).toEqual({
      id: 'fu-1',
      outcome: 'reached',
      satisfaction: 'mostly',
      solved: 'partly',
    });
  });

  it('wants a category for a suggestion and keeps texts within 500 characters', () => {
    const draft = {
      ...EMPTY_RECORD,
      outcome: 'reached' as const,
      satisfaction: 'satisfied' as const,
      solved: 'yes' as const,
      suggestion: '周五也开',
    };
    expect(parseRecord('fu-1', draft).errors).toEqual({ category: '请选择建议类别' });
    expect(
      parseRecord('fu-1', { ...draft, category: 'hours', note: 'x'.repeat(501) }).errors,
    ).toEqual({ note: '备注最多 500 字' });
  });

  it('knows which server errors belong next to a field', () => {
    expect(isRecordField('satisfaction')).toBe(true);
    expect(isRecordField('category')).toBe(true);
    expect(isRecordField('id')).toBe(false);
    expect(isRecordField(undefined)).toBe(false);
  });
});
