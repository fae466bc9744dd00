import { followUpTaskFixture } from '@/test-utils/fixtures';
import {
  attemptText,
  dialNumber,
  eveningText,
  maskPhone,
  needsSeniorCall,
  overdueText,
  recordedText,
  resultText,
} from './call-text';

describe('call list words', () => {
  it('masks a number for the list and keeps only what a dialler takes', () => {
    expect(maskPhone('13800005678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****45');
    expect(maskPhone('5123456')).toBe('****456');
    expect(dialNumber('138 0000-5678')).toBe('13800005678');
    expect(dialNumber('+86 138 0000 5678')).toBe('+8613800005678');
  });

  it('names the evening and how many calls were made so far', () => {
    expect(eveningText('2026-12-02')).toBe('12月2日 周三 晚');
    expect(attemptText(followUpTaskFixture())).toBe('第 1 次拨打');
    const tried = followUpTaskFixture({
      attempts: [{ outcome: 'no-answer', at: '2026-12-03T10:05:00+08:00', by: 's' }],
    });
    expect(attemptText(tried)).toBe('第 2 次拨打 · 前 1 次无人接听（最多 3 次）');
  });

  it('says how late an overdue call is', () => {
    expect(overdueText({ due: '2026-11-26' }, '2026-12-03')).toBe(
      '应在 11月26日 回访，已逾期 7 天',
    );
    expect(overdueText({ due: '2026-11-30' }, '2026-12-01')).toBe(
      '应在 11月30日 回访，已逾期 1 天',
    );
  });

  it('says how a finished call ended', () => {
    expect(
      resultText({
        result: { satisfaction: 'mostly', solved: 'yes', note: '' },
        closedReason: null,
      }),
    ).toBe('基本满意 · 已解决');
    expect(
      resultText({
        result: { satisfaction: 'unsatisfied', solved: 'no', note: '排队太久' },
        closedReason: null,
      }),
    ).toBe('不满意 · 未解决（排队太久）');
    expect(resultText({ result: null, closedReason: '3 次未接通' })).toBe('已结束：3 次未接通');
  });

  it('knows when a senior worker has to call again', () => {
    const result = (
      satisfaction: 'satisfied' | 'unsatisfied',
      solved: 'yes' | 'partly' | 'no',
    ) => ({
      satisfaction,
      solved,
      note: '',
    });
    expect(needsSeniorCall({ kind: 'first', result: result('unsatisfied', 'yes') })).toBe(true);
    expect(needsSeniorCall({ kind: 'first', result: result('satisfied', 'no') })).toBe(true);
    expect(needsSeniorCall({ kind: 'first', result: result('satisfied', 'partly') })).toBe(false);
    // A 复访 does not lead to another one.
    expect(needsSeniorCall({ kind: 'senior', result: result('unsatisfied', 'no') })).toBe(false);
  });

  it('tells staff what the server made of the call', () => {
    const missed = followUpTaskFixture({
      attempts: [{ outcome: 'no-answer', at: '2026-12-03T10:05:00+08:00', by: 's' }],
    });
    expect(recordedText(missed, { id: 'fu-1', outcome: 'no-answer' })).toBe(
      '已记录 王阿姨 无人接听（第 1 次），还可以再打 2 次',
    );
    const closed = followUpTaskFixture({ status: 'closed', closedReason: '3 次未接通' });
    expect(recordedText(closed, { id: 'fu-1', outcome: 'no-answer' })).toBe(
      '王阿姨 的回访已结束：3 次未接通',
    );
    const done = followUpTaskFixture({
      status: 'done',
      result: { satisfaction: 'unsatisfied', solved: 'partly', note: '' },
    });
    expect(
      recordedText(done, {
        id: 'fu-1',
        outcome: 'reached',
        satisfaction: 'unsatisfied',
        solved: 'partly',
        suggestion: '多一台仪器',
        category: 'bp',
      }),
    ).toBe(
      '已记录 王阿姨 的回访：不满意 · 部分解决；建议已代居民提交；已生成复访任务，请资深社工 48 小时内再回访',
    );
  });
});
