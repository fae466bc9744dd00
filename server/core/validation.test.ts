import * as z from 'zod';
import { AppError } from './errors';
import { ids, parseInput, text } from './validation';

const refusal = (schema: z.ZodType, input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('accepted');
};

describe('free text from a person', () => {
  const name = z.object({ name: text(20, { min: 1 }) }).strict();
  const note = z.object({ note: text(200, { lines: true }) }).strict();

  it('normalises to NFC, strips zero-width characters and trims', () => {
    // "é" as e + combining accent becomes one character; a zero-width joiner disappears.
    expect(parseInput(name, { name: ' Jose\u0301\u200D王 ' }).name).toBe('José王');
    expect(parseInput(note, { note: 'a\r\nb\rc' }).note).toBe('a\nb\nc');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bidi override', '王\u202E阿姨'],
    ['a bidi isolate', '\u2066王\u2069'],
    ['a line break in a one-line field', '王\n阿姨'],
    ['a tab', '王\t阿姨'],
  ])('refuses %s with a Chinese message naming the field', (_what, value) => {
    expect(refusal(name, { name: value })).toEqual({
      code: 'BAD_INPUT',
      message: '姓名（name）含有看不见的控制字符，请删掉后再试',
    });
  });

  it('counts length after normalising, so zero-width padding does not pass as content', () => {
    expect(refusal(name, { name: '\u200B\u200B' }).message).toBe('姓名（name）不能为空或太短');
  });
});

describe('dates', () => {
  const input = z.object({ date: ids.date }).strict();

  it('takes a real calendar day inside the window', () => {
    expect(parseInput(input, { date: '2026-12-02' }).date).toBe('2026-12-02');
    expect(parseInput(input, { date: '2028-02-29' }).date).toBe('2028-02-29');
  });

  it.each(['2026-02-30', '2026-13-01', '0001-01-01', '2100-01-01', '2019-12-31', '2026-1-1'])(
    'refuses %s',
    (date) => {
      expect(refusal(input, { date }).code).toBe('BAD_INPUT');
    },
  );

  it('says so in Chinese', () => {
    expect(refusal(input, { date: '2026-02-30' }).message).toBe('日期（date）不是有效的日期');
  });
});
