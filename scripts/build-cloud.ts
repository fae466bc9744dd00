/**
 * Bundles one cloud function per registry function name (`npm run build:cloud`):
 * server/hosts/cloud/functions/<fn>.ts → cloudfunctions/<fn>/index.js, with its package.json
 * (wx-server-sdk pinned, installed in the cloud) and config.json (openapi permissions, triggers).
 * index.js is build output (gitignored); package.json and config.json are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionNames } from '../server/core/registry';

const ROOT = path.resolve(__dirname, '..');
const SDK = 'wx-server-sdk';
/**
 * A native module (prebuilt per platform), so never bundled: a function whose code imports it
 * (the upload functions, through server/hosts/images.ts) lists it for the cloud to install.
 */
const NATIVE = ['@napi-rs/image'];
/** Local-host and client code that must never reach a cloud function bundle. */
const FORBIDDEN = ['better-sqlite3', 'fastify', '@fastify/', '@tarojs/'];

export interface BuildOptions {
  /** Where the function folders go; cloudfunctions/ by default. */
  outDir?: string;
  /** Defaults to every function in the registry. */
  functions?: string[];
  log?: (line: string) => void;
}

export interface BuiltFunction {
  fn: string;
  dir: string;
  bytes: number;
}

type Json = Record<string, unknown>;

const readJson = (file: string): Json => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must contain a JSON object`);
  }
  return parsed as Json;
};

/** A JSON array of scalars spread over lines, as JSON.stringify(…, null, 2) writes it. */
const SCALAR_ARRAY =
  /^( *)("(?:[^"\\\n]|\\.)*": )?\[\n((?: *(?:"(?:[^"\\\n]|\\.)*"|[-\d.eE+]+|true|false|null),?\n)+) *\](,?)$/gm;
const PRINT_WIDTH = 100;

/**
 * Pretty JSON as Prettier prints it (short arrays of scalars on one line), so the committed
 * config.json and package.json stay clean under `npm run lint` after every build.
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    SCALAR_ARRAY,
    (block, indent: string, key: string | undefined, items: string, comma: string) => {
      const inline = `${indent}${key ?? ''}[${items
        .split('\n')
        .map((item) => item.trim().replace(/,$/, ''))
        .filter(Boolean)
        .join(', ')}]${comma}`;
      return inline.length <= PRINT_WIDTH ? inline : block;
    },
  );
  return `${text}\n`;
}

const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, formatJson(value));

/** The wx-server-sdk version the repo is tested with, which must be an exact version. */
function sdkVersion(): string {
  const pkg = readJson(path.join(ROOT, 'package.json'));
  const deps = { ...(pkg.dependencies as Json), ...(pkg.devDependencies as Json) };
  const version = deps[SDK];
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`package.json must pin ${SDK} to an exact version (found ${String(version)})`);
  }
  return version;
}

/**
 * Cloud-call (openapi) permissions a function cannot work without, added to its config.json
 * even when the file was lost or hand-edited. `queue` alerts residents with subscription
 * messages, `booking` tells a waitlisted resident who got a seat, `notice` one who got a place in
 * an activity, the `booking-reminder` timer sends the day's reminders, `followup` invites a
 * resident to make a suggestion after a call, `suggestion` tells authors about a new status, and
 * the `followup-timer` asks residents without a phone in the app (server/hosts/cloud/notifier.ts);
 * without the permission every send fails. `suggestion` and `followup` (which files suggestions
 * made on a call) also check residents' text (server/hosts/cloud/content-check.ts); without that
 * permission every check fails and the text is let through unchecked.
 */
export const REQUIRED_OPENAPI: Readonly<Record<string, readonly string[]>> = {
  queue: ['subscribeMessage.send'],
  booking: ['subscribeMessage.send'],
  notice: ['subscribeMessage.send'],
  followup: ['subscribeMessage.send', 'security.msgSecCheck'],
  suggestion: ['subscribeMessage.send', 'security.msgSecCheck'],
  'booking-reminder': ['subscribeMessage.send'],
  'followup-timer': ['subscribeMessage.send'],
};

/**
 * Each function's timeout, in seconds (WeChat's default is 3). An action waits at most 6 s for
 * transaction conflicts (MANY_RACERS in server/stores/cloudbase/transaction.ts) on top of a few
 * round trips, so 10 s; a timer run works through a bounded slice of communities, so 20 s. The
 * build writes them into config.json and cloudbaserc.json (the CloudBase CLI applies them; in
 * WeChat DevTools set them in the console: the README lists them).
 */
export const ACTION_TIMEOUT_SECONDS = 10;
export const TIMER_TIMEOUT_SECONDS = 20;
export const timeoutOf = (fn: string) =>
  TIMER_FUNCTIONS.includes(fn) ? TIMER_TIMEOUT_SECONDS : ACTION_TIMEOUT_SECONDS;

/** The cloud runtime the bundles target (esbuild `target` below). */
export const RUNTIME = 'Nodejs16.13';

/** WeChat's rule for a trigger name: a letter, then up to 59 of [A-Za-z0-9_-]. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

const isTimer = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { name, type, config } = value as Json;
  if (typeof name !== 'string' || !TRIGGER_NAME.test(name) || type !== 'timer') return false;
  // Seconds, minutes, hours, day, month, weekday, year (UTC+8), e.g. "0 0 * * * * *" hourly.
  return typeof config === 'string' && config.trim().split(/\s+/).length === 7;
};

/**
 * Triggers are kept as declared, but checked first: WeChat takes one timer per function with a
 * seven-field cron, and a bad one would only fail at upload, after the build looked fine.
 */
function checkTriggers(file: string, triggers: unknown) {
  if (triggers === undefined) return;
  if (!Array.isArray(triggers) || triggers.length > 1 || !triggers.every(isTimer)) {
    throw new Error(
      `${file}: "triggers" must hold at most one { name, type: "timer", config } with a ` +
        `7-field cron (seconds first), e.g. "0 0 * * * * *"`,
    );
  }
}

/**
 * Keeps permissions and triggers a function already declares, adding the required ones, and
 * states its timeout (timeoutOf): the build owns that figure, so a hand edit is overwritten.
 */
export function mergedConfig(fn: string, file: string): Json {
  const existing = fs.existsSync(file) ? readJson(file) : {};
  checkTriggers(file, existing.triggers);
  const permissions = (existing.permissions ?? {}) as Json;
  const declared: unknown[] = Array.isArray(permissions.openapi) ? permissions.openapi : [];
  const missing = (REQUIRED_OPENAPI[fn] ?? []).filter((api) => !declared.includes(api));
  return {
    ...existing,
    permissions: { ...permissions, openapi: [...declared, ...missing] },
    timeout: timeoutOf(fn),
  };
}

/**
 * cloudbaserc.json for the CloudBase CLI (`tcb fn deploy --all`): every function with its
 * runtime, timeout, cloud-installed dependencies and timer trigger, from the same config.json.
 */
function writeCliConfig(outDir: string, functions: readonly string[]) {
  const entries = functions.map((fn) => {
    const config = readJson(path.join(outDir, fn, 'config.json'));
    return {
      name: fn,
      runtime: RUNTIME,
      timeout: timeoutOf(fn),
      installDependency: true,
      handler: 'index.main',
      ...(Array.isArray(config.triggers) ? { triggers: config.triggers } : {}),
    };
  });
  writeJson(path.join(ROOT, 'cloudbaserc.json'), {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: entries,
  });
}

function checkInputs(fn: string, metafile: Metafile) {
  const leaked = Object.keys(metafile.inputs).filter((input) =>
    FORBIDDEN.some((name) => input.includes(`node_modules/${name}`)),
  );
  if (leaked.length > 0) {
    throw new Error(`cloud function ${fn} pulls in local-only code:\n  ${leaked.join('\n  ')}`);
  }
}

/** The native modules the bundle requires, at the version installed here (tested with). */
function nativeDependencies(metafile: Metafile): Record<string, string> {
  const imported = new Set(
    Object.values(metafile.outputs).flatMap((output) =>
      output.imports.filter((i) => i.external).map((i) => i.path),
    ),
  );
  return Object.fromEntries(
    NATIVE.filter((name) => imported.has(name)).map((name) => [
      name,
      String(readJson(path.join(ROOT, 'node_modules', name, 'package.json')).version),
    ]),
  );
}

async function buildOne(fn: string, outDir: string, version: string): Promise<BuiltFunction> {
  const entry = path.join(ROOT, 'server/hosts/cloud/functions', `${fn}.ts`);
  if (!fs.existsSync(entry)) {
    throw new Error(`No entry for cloud function "${fn}": create ${path.relative(ROOT, entry)}`);
  }
  const dir = path.join(outDir, fn);
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'index.js');
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    // Installed in the cloud from package.json; the runtime injects its credentials.
    external: [SDK, ...NATIVE],
    metafile: true,
    logLevel: 'silent',
  });
  checkInputs(fn, result.metafile);
  writeJson(path.join(dir, 'package.json'), {
    name: fn,
    version: '1.0.0',
    private: true,
    description: `八点伴 cloud function "${fn}" (built by scripts/build-cloud.ts)`,
    main: 'index.js',
    dependencies: { [SDK]: version, ...nativeDependencies(result.metafile) },
  });
  const configFile = path.join(dir, 'config.json');
  writeJson(configFile, mergedConfig(fn, configFile));
  return { fn, dir, bytes: fs.statSync(outfile).size };
}

/**
 * Functions that no caller invokes: each runs one core job on a timer declared in its
 * config.json (a trigger needs a function of its own). Entries live beside the action functions.
 */
export const TIMER_FUNCTIONS: readonly string[] = ['booking-reminder', 'followup-timer'];

export async function buildCloud(options: BuildOptions = {}): Promise<BuiltFunction[]> {
  const outDir = options.outDir ?? path.join(ROOT, 'cloudfunctions');
  const log = options.log ?? ((line: string) => console.log(line));
  const functions = options.functions ?? [...functionNames(), ...TIMER_FUNCTIONS];
  if (functions.length === 0) throw new Error('The registry declares no functions');
  const version = sdkVersion();
  const built: BuiltFunction[] = [];
  for (const fn of functions) {
    const one = await buildOne(fn, outDir, version);
    log(
      `  ${fn.padEnd(16)} ${(one.bytes / 1024).toFixed(1).padStart(7)} KB  ${path.relative(ROOT, one.dir)}/index.js`,
    );
    built.push(one);
  }
  // Only the real build (cloudfunctions/) describes the deployment; test builds go elsewhere.
  if (!options.outDir && !options.functions) writeCliConfig(outDir, functions);
  const stale = fs
    .readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !functions.includes(d.name))
    .map((d) => d.name);
  if (stale.length > 0) log(`  note: not in the registry (delete if retired): ${stale.join(', ')}`);
  return built;
}

// Run as a script (npm run build:cloud), not when imported by tests.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  console.log('Building cloud functions…');
  buildCloud().catch((error: unknown) => {
    console.error(`build:cloud failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
