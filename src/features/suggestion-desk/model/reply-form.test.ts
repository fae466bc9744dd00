import { staffSuggestionFixture } from '@/test-utils/fixtures';
import { applyTemplate, draftOf, parseReply, REPLY_TEMPLATES } from './reply-form';

describe('suggestion reply form', () => {
  it('starts from the suggestion’s own reply and status (none for a new one)', () => {
    expect(draftOf(staffSuggestionFixture())).toEqual({ status: null, reply: '', reason: '' });
    expect(
      draftOf(
        staffSuggestionFixture({ status: 'not-adopted', reply: '暂不具备条件', reason: '场地' }),
      ),
    ).toEqual({ status: 'not-adopted', reply: '暂不具备条件', reason: '场地' });
    // A merged suggestion has no status the form offers.
    expect(draftOf(staffSuggestionFixture({ status: 'merged', reply: '合并' })).status).toBeNull();
  });

  it('fills a template with the status it goes with', () => {
    const draft = { status: null, reply: '', reason: '' };
    expect(REPLY_TEMPLATES.map((t) => applyTemplate(draft, t))).toEqual([
      { status: 'reviewing', reply: '已收到，我们会在本周内研究', reason: '' },
      { status: 'adopted', reply: '感谢建议，已经安排', reason: '' },
      { status: 'not-adopted', reply: '暂不具备条件，原因如下', reason: '' },
    ]);
  });

  it('needs a status and a reply', () => {
    expect(parseReply('sg-1', { status: null, reply: ' ', reason: '' })).toEqual({
      input: null,
      errors: { status: '请选择处理结果', reply: '请写给居民的答复' },
    });
  });

  it('needs a reason for 暂不采纳, in the server’s words', () => {
    const draft = { status: 'not-adopted' as const, reply: '暂不具备条件，原因如下', reason: '' };
    expect(parseReply('sg-1', draft).errors).toEqual({ reason: '暂不采纳时请写明原因' });
    expect(parseReply('sg-1', { ...draft, reason: ' 场地晚上另有安排 ' }).input).toEqual({
      id: 'sg-1',
      status: 'not-adopted',
      reply: '暂不具备条件，原因如下',
      reason: '场地晚上另有安排',
    });
  });

  it('drops a leftover reason when the status no longer takes one', () => {
    expect(parseReply('sg-1', { status: 'adopted', reply: '已安排', reason: '旧原因' })).toEqual({
      input: { id: 'sg-1', status: 'adopted', reply: '已安排' },
      errors: {},
    });
    expect(
      parseReply('sg-1', { status: 'answered', reply: '周五不开', reason: '人手不够' }).input,
    ).toEqual({ id: 'sg-1', status: 'answered', reply: '周五不开', reason: '人手不够' });
  });
});
