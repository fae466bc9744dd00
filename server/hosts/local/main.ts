/**
 * `npm start`: builds the H5 app when it is missing, then serves it and every action on HOST:PORT
 * with data in DATA_DIR. Prints where to click.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clockFromSetting } from '../../core/clock';
import { DEMO_WEEKDAY, PILOT_COMMUNITIES } from '../../core/seed';
import { isoLocal } from '../../core/kernel/time';
import { readSettings } from './settings';
import { DatabaseInUse, DEFAULT_H5_DIR, startLocalHost } from './start';

const ROOT = path.resolve(__dirname, '../../..');

function ensureH5Build() {
  // --no-build: tests and service PCs that only need the API start at once.
  if (process.argv.includes('--no-build')) return;
  if (fs.existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) return;
  console.log('首次启动：正在构建 H5 页面（npm run build:h5，约 20 秒）…');
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('H5 构建失败，请查看上面的输出。');
    process.exit(1);
  }
}

/** Addresses phones on the same Wi-Fi can use, when listening on all interfaces. */
const lanAddresses = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => Boolean(i && i.family === 'IPv4' && !i.internal))
    .map((i) => i.address);

async function main() {
  let settings;
  try {
    settings = readSettings();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const clock = clockFromSetting(settings.BDB_NOW, DEMO_WEEKDAY);
  ensureH5Build();
  const host = await startLocalHost({
    host: settings.HOST,
    port: settings.PORT,
    dataDir: path.resolve(settings.DATA_DIR),
    clock,
    adminToken: settings.ADMIN_TOKEN,
    cookieSecret: settings.COOKIE_SECRET,
    publicUrl: settings.PUBLIC_URL,
    identitiesPerHour: settings.IDENTITIES_PER_HOUR,
    rateLimit: settings.RATE_LIMIT,
    sqliteLocking: settings.SQLITE_LOCKING,
  }).catch((error: unknown) => {
    if (!(error instanceof DatabaseInUse)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  const base = settings.PUBLIC_URL?.replace(/\/$/, '') ?? host.url;
  const first = PILOT_COMMUNITIES[0]!.id;
  // Every community in the store, not only the seeded pilots: one the admin made gets its board
  // and poster addresses printed too.
  const communities = (await host.deps.store.communities.list()).filter((c) => !c.archived);
  const lines = [
    '',
    `八点伴 本地主机已启动：${host.url}   （数据目录 ${path.resolve(settings.DATA_DIR)}）`,
    clock.demo
      ? `⏰ 演示时钟：现在是 ${isoLocal(clock.now())}（下一个服务夜 18:30，随真实时间走）。用 BDB_NOW=real 或 npm run serve 切换到真实时间。`
      : `⏰ 时钟：${isoLocal(clock.now())}${settings.BDB_NOW === 'real' ? '（真实时间）' : '（BDB_NOW）'}`,
    '',
    `居民首页    ${base}/#/pages/tonight/index?c=${first}`,
    ...communities.map((c) => `排队看板    ${base}/board/${c.id}   （${c.name}）`),
    ...communities.map(
      (c) =>
        `二维码海报  ${base}/qr/${c.id}   （${c.name}，图片：/qr/${c.id}.png，取号：?q=library）`,
    ),
    `社工登录    ${base}/#/package-staff/pages/sign-in/index`,
    host.adminToken.generated
      ? `管理员口令  ${host.adminToken.value}   （保存在数据目录 admin-token；在社工登录页输入即成为管理员）`
      : '管理员口令  来自环境变量 ADMIN_TOKEN',
  ];
  if (settings.HOST === '0.0.0.0' && !settings.PUBLIC_URL) {
    lines.push(
      `手机访问    ${
        lanAddresses()
          .map((a) => `http://${a}:${settings.PORT}`)
          .join('  ') || '（未找到局域网地址）'
      }  （二维码请设置 PUBLIC_URL）`,
    );
  }
  console.log(lines.join('\n'));

  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
