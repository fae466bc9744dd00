import {
  addProposal,
  editProposal,
  emptyRound,
  parseRound,
  removeProposal,
  type RoundDraft,
} from './round-form';

const TODAY = '2026-12-02';

const filled = (): RoundDraft => ({
  ...emptyRound(TODAY),
  title: ' 2027 年上半年 服务点单 ',
});

describe('open-round form', () => {
  it('starts with three choices and a week to vote', () => {
    expect(emptyRound(TODAY)).toEqual({
      title: '',
      maxChoices: 3,
      closesOn: '2026-12-09',
      proposals: [],
    });
  });

  it('adds, edits and removes proposals by key', () => {
    let draft = addProposal(addProposal(filled()));
    expect(draft.proposals.map((p) => p.key)).toEqual([1, 2]);
    draft = editProposal(draft, 2, { name: '手机使用课', kind: 'drop-in' });
    draft = removeProposal(draft, 1);
    expect(draft.proposals).toEqual([
      { key: 2, name: '手机使用课', kind: 'drop-in', description: '' },
    ]);
    // A new row never reuses a key still in use.
    expect(addProposal(draft).proposals.map((p) => p.key)).toEqual([2, 3]);
  });

  it('needs a title and a closing day not in the past', () => {
    expect(parseRound('jinse', emptyRound(TODAY), TODAY).errors).toEqual({
      title: '请写这轮点单的标题，如：2027 年上半年 服务点单',
    });
    expect(parseRound('jinse', { ...filled(), closesOn: '2026-12-01' }, TODAY).errors).toEqual({
      closesOn: '截止日期不能早于今天',
    });
    expect(parseRound('jinse', { ...filled(), closesOn: '' }, TODAY).errors).toEqual({
      closesOn: '请选择截止日期',
    });
    expect(parseRound('jinse', { ...filled(), maxChoices: 9 }, TODAY).errors).toEqual({
      maxChoices: '每人可选 1–8 项',
    });
  });

  it('checks each proposal: a name, a kind, no duplicate', () => {
    let draft = addProposal(addProposal(addProposal(filled())));
    draft = editProposal(draft, 1, { name: '手机使用课', kind: 'drop-in' });
    draft = editProposal(draft, 2, { name: ' 手机使用课 ' });
    const { input, errors } = parseRound('jinse', draft, TODAY);
    expect(input).toBeNull();
    expect(errors).toEqual({
      items: {
        1: { name: '新服务的名称重复了' },
        2: { name: '新服务的名称重复了', kind: '请选择服务方式' },
        3: { name: '请写新服务的名称，如：手机使用课', kind: '请选择服务方式' },
      },
    });
  });

  it('answers with what survey.open takes', () => {
    let draft = addProposal(filled());
    draft = editProposal(draft, 1, {
      name: ' 手机使用课 ',
      kind: 'drop-in',
      description: ' 教老人用手机挂号 ',
    });
    expect(parseRound('jinse', { ...draft, maxChoices: 2 }, TODAY)).toEqual({
      input: {
        community: 'jinse',
        title: '2027 年上半年 服务点单',
        maxChoices: 2,
        closesOn: '2026-12-09',
        proposals: [{ name: '手机使用课', kind: 'drop-in', description: '教老人用手机挂号' }],
      },
      errors: {},
    });
  });
});
