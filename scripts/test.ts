/**
 * `npm test`: every layer, in the order that fails fastest.
 * 1. lint (ESLint + Prettier) and typecheck
 * 2. builds the tests need: weapp, H5, cloud functions
 * 3. jest: server (core, stores on real SQLite and the CloudBase emulator, the built cloud
 *    functions, HTTP against a started host), the core again on CloudBase, client components,
 *    the compiled weapp under miniprogram-simulate, and the H5 app in real Chromium
 * The unit run uses TZ=America/Los_Angeles so nothing silently depends on the host being in China.
 */
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const npx = (args: string[]) => ({ command: 'npx', args });

const steps: Step[] = [
  { name: 'lint', ...npx(['eslint', '.', '--max-warnings', '0']) },
  { name: 'format', ...npx(['prettier', '--check', '.']) },
  { name: 'typecheck', ...npx(['tsc', '-p', 'tsconfig.json', '--noEmit']) },
  { name: 'build weapp', command: 'npm', args: ['run', '--silent', 'build:weapp'] },
  { name: 'build h5', command: 'npm', args: ['run', '--silent', 'build:h5'] },
  { name: 'build cloud functions', command: 'npm', args: ['run', '--silent', 'build:cloud'] },
  {
    name: 'jest (server, core-cloudbase, client, weapp, e2e)',
    ...npx(['jest', '--ci']),
    env: { TZ: 'America/Los_Angeles' },
  },
];

const only = process.argv.slice(2);
let failed = 0;
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${step.name} failed after ${seconds}s`);
    failed += 1;
    break;
  }
  console.log(`✔ ${step.name} (${seconds}s)`);
}
process.exit(failed === 0 ? 0 : 1);
