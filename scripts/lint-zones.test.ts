/**
 * The import rules of eslint.config.js (import-x/no-restricted-paths zones), proven: in each zone
 * a deliberately wrong import fails lint and a right one passes. The files are virtual
 * (lintText with a path inside the zone); what they import is real, since an import that does
 * not resolve is not checked.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { createNodeResolver } from 'eslint-plugin-import-x';

const ROOT = path.resolve(__dirname, '..');
const ZONE_RULE = 'import-x/no-restricted-paths';

// The config `npm run lint` uses, given as an object (jest cannot run ESLint's dynamic import of
// the file); no-cycle is off only because it walks the whole graph behind every import.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  baseConfig: require('../eslint.config.js') as Linter.Config[],
  overrideConfig: { rules: { 'import-x/no-cycle': 'off' } },
});

/** Lints `code` as if it were the file `file` (relative to the repository). */
async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages;
}

/** A side-effect import: nothing to use, so only the import rules can complain. */
const importOf = (source: string) => `import '${source}';\n`;
/** contract's files import types only. */
const typeImportOf = (source: string) =>
  `import type * as probe from '${source}';\nexport type Probe = typeof probe;\n`;

interface Zone {
  zone: string;
  /** A file inside the zone (it need not exist). */
  file: string;
  code?: (source: string) => string;
  wrong: string[];
  right: string[];
}

const ZONES: Zone[] = [
  {
    zone: 'contract imports nothing outside contract',
    file: 'contract/zz-probe.ts',
    code: typeImportOf,
    wrong: ['../server/core/ports', '../src/lib/storage', '../scripts/cloud-costs'],
    right: ['./queue'],
  },
  {
    zone: 'the core imports only the core and contract',
    file: 'server/core/zz-probe.ts',
    wrong: [
      '../stores/sqlite',
      '../hosts/local/live',
      '../testing/indexes',
      '../../src/lib/storage',
    ],
    right: ['../../contract/queue', './kernel/time', './queue/evening'],
  },
  {
    zone: 'a store imports only the core and contract, never a host or the other store',
    file: 'server/stores/sqlite/zz-probe.ts',
    wrong: ['../../hosts/local/live', '../cloudbase/alerts', '../../testing/indexes'],
    right: ['../../core/ports', '../../../contract/queue', './alerts'],
  },
  {
    zone: "a host imports the core and a store's public entry only",
    file: 'server/hosts/local/zz-probe.ts',
    wrong: [
      '../../stores/sqlite/alerts',
      '../../stores/cloudbase/queues',
      '../../testing/core-harness',
      '../../../src/lib/storage',
    ],
    right: ['../../stores/sqlite', '../../stores/cloudbase', '../../core/dispatch', './live'],
  },
  {
    zone: 'lib never imports features or pages',
    file: 'src/lib/zz-probe.ts',
    wrong: ['@/features/queue', '@/pages/tonight/index', '@/package-staff/pages/queue-desk/index'],
    right: ['@/lib/storage', '@/types/contract'],
  },
  {
    zone: 'hooks never import features or pages',
    file: 'src/hooks/zz-probe.ts',
    wrong: ['@/features/booking/entry', '@/pages/tonight/index'],
    right: ['@/lib/storage', './use-remote'],
  },
  {
    zone: 'components never import features or pages',
    file: 'src/components/big-button/zz-probe.tsx',
    wrong: ['@/features/companion/staff-entry', '@/package-staff/pages/queue-desk/index'],
    right: ['@/lib/storage', './big-button'],
  },
  {
    zone: 'a feature never imports a page',
    file: 'src/features/queue/zz-probe.ts',
    wrong: ['@/pages/tonight/index', '@/package-staff/pages/queue-desk/index'],
    right: ['@/components/big-button/big-button', './model/follow-line'],
  },
  {
    zone: 'a feature imports another feature only through its public entry',
    file: 'src/features/booking-desk/components/zz-probe.tsx',
    wrong: [
      '@/features/booking/components/slot-list',
      '@/features/booking/model/booking-text',
      '../../companion/model/about',
    ],
    right: [
      '@/features/booking',
      '@/features/booking/entry',
      '@/features/booking/staff-entry',
      '@/features/companion/staff-entry',
      '../model/desk-text',
    ],
  },
];

describe('lint zones', () => {
  describe.each(ZONES)('$zone', ({ file, code = importOf, wrong, right }) => {
    it.each(wrong)(`fails on import '%s'`, async (source) => {
      const messages = await lint(file, code(source));
      expect(messages.map((m) => m.ruleId)).toContain(ZONE_RULE);
    });

    it.each(right)(`passes import '%s'`, async (source) => {
      expect(await lint(file, code(source))).toEqual([]);
    });
  });

  it('contract imports no package either', async () => {
    const messages = await lint('contract/zz-probe.ts', typeImportOf('zod'));
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  });

  // A passing import proves nothing if it did not resolve (unresolved imports are not checked).
  it('resolves every import the cases use', () => {
    const resolver = createNodeResolver({
      extensions: ['.ts', '.tsx', '.js', '.json'],
      tsconfig: { configFile: path.join(ROOT, 'tsconfig.json') },
    });
    for (const { file, wrong, right } of ZONES) {
      for (const source of [...wrong, ...right]) {
        expect([source, resolver.resolve(source, path.join(ROOT, file)).found]).toEqual([
          source,
          true,
        ]);
      }
    }
  });
});
