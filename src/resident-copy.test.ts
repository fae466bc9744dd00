/**
 * Residents, many of them elderly, are addressed as 您, and the queue is said one way
 * (前面还有 N 位). This scans every string and JSX text in the resident-facing source (comments
 * and tests left out), so a new "你" fails here instead of in front of a resident.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = __dirname;

/** Resident-facing source folders. */
const RESIDENT_FOLDERS = [
  'pages',
  'package-booking',
  'package-notice',
  'package-suggestion',
  'package-survey',
  'package-misc',
  'features/community',
  'features/booking',
  'features/companion',
  'features/queue',
  'features/notice',
  'features/suggestion',
  'features/followup',
  'features/survey',
  'features/elder-mode',
  'components/big-button',
  'components/choice-group',
  'components/load-state',
  'lib/gateway',
];

/** Deliberate exceptions: the phrase, and why it may say 你. */
const ALLOWED: Array<{ phrase: string; reason: string }> = [
  {
    phrase: '你说我做',
    reason: 'the name of the community programme ("you say, we do"), quoted as a slogan',
  },
];

/** Words residents must not see, and what to say instead. */
const FORBIDDEN: Array<{ pattern: RegExp; instead: string }> = [
  { pattern: /你/, instead: '您' },
  { pattern: /前方还有/, instead: '前面还有' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every string literal, template piece and JSX text of a file, with its line. */
function textsOf(file: string): Array<{ text: string; line: number }> {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Array<{ text: string; line: number }> = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      out.push({ text: node.text, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = RESIDENT_FOLDERS.flatMap((folder) => sourceFiles(path.join(SRC, folder)));

describe('resident-facing copy', () => {
  it('finds the resident source to scan', () => {
    expect(files.length).toBeGreaterThan(50);
    // The scan sees JSX text and template pieces, not only quoted strings.
    const picker = path.join(SRC, 'features/community/components/community-picker.tsx');
    expect(textsOf(picker).map((t) => t.text)).toContain('请选择您的社区');
  });

  it.each(FORBIDDEN.map((f) => [f.pattern.source, f.instead, f.pattern] as const))(
    'never says %s to residents (say %s)',
    (_name, _instead, pattern) => {
      const found = files.flatMap((file) =>
        textsOf(file)
          .filter(({ text }) => {
            const rest = ALLOWED.reduce((t, a) => t.split(a.phrase).join(''), text);
            return pattern.test(rest);
          })
          .map(({ text, line }) => `${path.relative(SRC, file)}:${line}  ${text.trim()}`),
      );
      expect(found).toEqual([]);
    },
  );

  it('keeps every exception in use and explained', () => {
    for (const { phrase, reason } of ALLOWED) {
      expect(reason.length).toBeGreaterThan(10);
      const used = files.some((file) => textsOf(file).some(({ text }) => text.includes(phrase)));
      expect(used).toBe(true);
    }
  });
});
