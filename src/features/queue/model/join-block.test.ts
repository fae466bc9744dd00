import { lineFixture, ticketFixture } from '@/test-utils/fixtures';
import type { LineState } from '@/types/contract';
import { joinBlockAt } from './join-block';
import { lineClosedReason, lineStopText } from './ticket-text';

// lineFixture: 图书阅览 on Wednesday 2026-11-25, open 17:00–20:00, last number at 19:30.
const at = (hhmmss: string, date = '2026-11-25') => Date.parse(`${date}T${hhmmss}+08:00`);
const line = (overrides: Partial<LineState> = {}) => lineFixture(overrides);

describe('joinBlockAt: the core rule, read with the server’s clock', () => {
  it.each([
    ['16:59:59', 'closed'],
    ['17:00:00', null],
    ['19:29:59', null],
    ['19:30:00', 'last-join'],
    ['19:59:59', 'last-join'],
    ['20:00:00', 'closed'],
  ])('at %s Shanghai time: %s', (time, expected) => {
    expect(joinBlockAt(line(), at(time))).toBe(expected);
  });

  it('passes last-join by the clock even though the state was stored as accepting', () => {
    expect(joinBlockAt(line({ accepting: true }), at('19:31:00'))).toBe('last-join');
  });

  it('opens by the clock even though the state was stored before opening', () => {
    expect(joinBlockAt(line({ accepting: false }), at('17:05:00'))).toBeNull();
  });

  it('is closed on another date, and on a day without hours', () => {
    expect(joinBlockAt(line(), at('18:30:00', '2026-12-02'))).toBe('closed');
    expect(joinBlockAt(line({ opensAt: '', closesAt: '' }), at('18:30:00'))).toBe('closed');
  });

  it('says paused, then full, from the state the server made', () => {
    expect(joinBlockAt(line({ paused: true }), at('18:30:00'))).toBe('paused');
    expect(joinBlockAt(line({ issued: 100 }), at('18:30:00'))).toBe('full');
    expect(joinBlockAt(line({ paused: true, issued: 100 }), at('18:30:00'))).toBe('paused');
    expect(joinBlockAt(line({ paused: true }), at('19:40:00'))).toBe('last-join');
  });

  it('trusts `accepting` for a state stored before the hours were published', () => {
    const old = { ...line() } as Partial<LineState>;
    delete old.opensAt;
    delete old.closesAt;
    const stored = old as LineState;
    expect(joinBlockAt(stored, at('19:45:00'))).toBeNull();
    expect(joinBlockAt({ ...stored, accepting: false, paused: true }, at('18:00:00'))).toBe(
      'paused',
    );
    expect(joinBlockAt({ ...stored, accepting: false }, at('18:00:00'))).toBe('last-join');
  });
});

describe('what the pages say', () => {
  it('turns 取号 into the reason as the clock passes', () => {
    expect(lineClosedReason(line(), at('19:29:00'))).toBeNull();
    expect(lineClosedReason(line(), at('19:30:00'))).toBe('今晚取号已在 19:30 截止');
    expect(lineClosedReason(line(), at('20:00:00'))).toBe('今晚服务已在 20:00 结束');
    expect(lineClosedReason(line({ paused: true }), at('18:30:00'))).toBe(
      '暂停取号，请稍后再来或咨询工作人员',
    );
    expect(lineClosedReason(line({ issued: 100 }), at('18:30:00'))).toBe('今晚的号已经取完了');
    expect(lineClosedReason(undefined, at('19:45:00'))).toBeNull();
  });

  it('tells a ticket holder the line stopped, and that a number in the line keeps its place', () => {
    const waiting = ticketFixture();
    const done = ticketFixture({ status: 'done', ahead: 0, estimatedWaitMinutes: null });
    expect(lineStopText(line(), waiting, at('19:29:00'))).toBeNull();
    expect(lineStopText(line(), waiting, at('19:30:00'))).toBe(
      '今晚取号已在 19:30 截止，您的号照常叫号',
    );
    expect(lineStopText(line(), done, at('19:30:00'))).toBe('今晚取号已在 19:30 截止');
    expect(lineStopText(line({ paused: true }), waiting, at('18:30:00'))).toBe(
      '图书阅览暂停取号，您的号照常叫号',
    );
    expect(lineStopText(line(), waiting, at('20:00:00'))).toBe(
      '今晚服务已在 20:00 结束，您的号请听工作人员安排',
    );
    // Another day says nothing about tonight's line.
    expect(lineStopText(line(), waiting, at('18:30:00', '2026-12-02'))).toBeNull();
  });
});
