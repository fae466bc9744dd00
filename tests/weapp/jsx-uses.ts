/**
 * What our weapp code sets on Taro's components, read from the source (TypeScript's parser): each
 * JSX attribute, and each aria-* attribute an `a11y({…})` spread gives (lib/a11y.weapp.ts: the
 * role as aria-role). The weapp build's files only: a `.weapp.tsx` replaces its plain sibling.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../src');

export interface Use {
  /** Taro's name: View, Text, Button… */
  component: string;
  /** The JSX prop (`onInput`, `autoHeight`) or the aria attribute (`aria-role`). */
  prop: string;
  /** file:line under src/. */
  where: string;
}

export function weappSources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return weappSources(full);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    const weapp = full.replace(/\.(tsx?)$/, '.weapp.$1');
    return !full.includes('.weapp.') && fs.existsSync(weapp) ? [] : [full];
  });
}

/** `labelledBy` → aria-labelledby; the role is aria-role in WeChat. */
const ariaOf = (option: string) => `aria-${option.toLowerCase()}`;

/** The aria attributes of every `a11y(…)` inside a spread; '?' when an argument is no literal. */
function a11yAttributes(expression: ts.Node): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'a11y') {
      const literals: ts.ObjectLiteralExpression[] = [];
      const collect = (n: ts.Node) => {
        if (ts.isObjectLiteralExpression(n)) literals.push(n);
        else ts.forEachChild(n, collect);
      };
      node.arguments.forEach(collect);
      if (literals.length === 0) out.push('?');
      for (const literal of literals) {
        for (const p of literal.properties) out.push(p.name ? ariaOf(p.name.getText()) : '?');
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return out;
}

function importedComponents(source: ts.SourceFile): Map<string, string> {
  const local = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if ((statement.moduleSpecifier as ts.StringLiteral).text !== '@tarojs/components') continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const e of bindings.elements) local.set(e.name.text, (e.propertyName ?? e.name).text);
  }
  return local;
}

export function weappJsxUses(): Use[] {
  const found: Use[] = [];
  for (const file of weappSources()) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('@tarojs/components')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const local = importedComponents(source);
    const visit = (node: ts.Node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const component = local.get(node.tagName.getText());
        for (const attribute of component ? node.attributes.properties : []) {
          const line = source.getLineAndCharacterOfPosition(attribute.getStart()).line + 1;
          const where = `${path.relative(SRC, file)}:${line}`;
          const props = ts.isJsxAttribute(attribute)
            ? [attribute.name.getText()]
            : a11yAttributes(attribute);
          for (const prop of props) found.push({ component: component!, prop, where });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
