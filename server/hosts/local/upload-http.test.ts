/**
 * Uploads over HTTP against a started local host on real SQLite (#13): a photo nobody attached is
 * deleted by the scheduled sweep once the clock is past the window, an attached one stays; the
 * eleventh photo of a resident's day is refused; a decompression bomb and a PNG with a page
 * appended are refused from their bytes, changing nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Suggestion } from '../../../contract/suggestion';
import type { Clock } from '../../core/ports';
import { UPLOAD_WINDOW_MINUTES, SWEEP_GRACE_MINUTES } from '../../core/upload/rules';
import { Transformer } from '@napi-rs/image';
import { bytes, EXIF_MARK, phonePhotoOf, pngOf, realJpegOf, realPngOf } from '../../testing/images';
import { snapshot, startTestHost, type TestClient, type TestHost } from './testing';

/** A clock the test moves by hand. */
function movableClock(iso: string) {
  let now = new Date(iso).getTime();
  const clock: Clock & { advance(minutes: number): void } = {
    demo: false,
    now: () => new Date(now),
    advance: (minutes) => {
      now += minutes * 60_000;
    },
  };
  return clock;
}

const mediaFiles = (host: TestHost) => {
  const dir = path.join(host.dataDir, 'media');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

const upload = (client: TestClient, data: Buffer) =>
  client.call<{ photo: string }>('suggestion', {
    action: 'uploadPhoto',
    community: 'jinse',
    data: data.toString('base64'),
  });

async function photoOf(client: TestClient, data = realPngOf(20, 20)) {
  const response = await upload(client, data);
  if (!response.body.ok) throw new Error(response.text);
  return response.body.data.photo;
}

const until = async (check: () => Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('uploads over HTTP: the sweep', () => {
  let host: TestHost;
  const clock = movableClock('2026-11-30T10:00:00+08:00');
  beforeAll(async () => {
    // The scheduled jobs run every 50 ms, as startReminders runs them every minute.
    host = await startTestHost({ clock, rateLimit: false, jobsIntervalMs: 50 });
  });
  afterAll(async () => {
    await host.destroy();
  });

  it('deletes a photo nobody attached once past the window (404, file gone) and keeps an attached one', async () => {
    const resident = host.client();
    await resident.session();
    const orphan = await photoOf(resident);
    const kept = await photoOf(resident, realJpegOf(64, 48));
    const filed = await resident.call<Suggestion>('suggestion', {
      action: 'submit',
      community: 'jinse',
      category: 'hours',
      text: '希望周五晚上也开放',
      photo: kept,
      requestId: 'upload-http-0001',
    });
    if (!filed.body.ok) throw new Error(filed.text);
    expect(filed.body.data.photo).toBe(kept);
    const orphanFile = path.basename(orphan);
    expect(mediaFiles(host)).toContain(orphanFile);

    // Within the window (and its grace) the sweep leaves it.
    clock.advance(UPLOAD_WINDOW_MINUTES);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await resident.raw('GET', orphan)).status).toBe(200);

    clock.advance(SWEEP_GRACE_MINUTES + 1);
    await until(async () => (await resident.raw('GET', orphan)).status === 404);
    expect(mediaFiles(host)).not.toContain(orphanFile);
    expect(host.db.prepare('SELECT count(*) AS n FROM uploads WHERE ref = ?').get(orphan)).toEqual({
      n: 0,
    });

    expect((await resident.raw('GET', kept)).status).toBe(200);
    expect(mediaFiles(host)).toContain(path.basename(kept));
    // Too late to attach the swept one.
    const late = await resident.call('suggestion', {
      action: 'submit',
      community: 'jinse',
      category: 'hours',
      text: '再提一条',
      photo: orphan,
      requestId: 'upload-http-0002',
    });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '照片不存在，请重新上传' },
    });
  });
});

describe('uploads over HTTP: what is refused', () => {
  let host: TestHost;
  let resident: TestClient;
  beforeAll(async () => {
    host = await startTestHost({
      clock: movableClock('2026-11-30T10:00:00+08:00'),
      rateLimit: false,
    });
    resident = host.client();
    await resident.session();
  });
  afterAll(async () => {
    await host.destroy();
  });

  it('refuses an 8000×8000 header and a PNG with HTML appended, changing nothing', async () => {
    await photoOf(resident);
    const before = snapshot(host.db);
    const files = mediaFiles(host);

    const bomb = await upload(resident, pngOf(8000, 8000));
    expect(bomb.status).toBe(400);
    expect(bomb.body).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: '照片尺寸过大或不正常（最长边不超过 4096 像素），请换一张照片',
        field: 'data',
      },
    });
    const polyglot = await upload(
      resident,
      bytes(pngOf(20, 20), '<html><body><script>alert(document.cookie)</script></body></html>'),
    );
    expect(polyglot.status).toBe(400);
    expect(polyglot.body).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: '照片文件末尾带有多余内容，请换一张照片',
        field: 'data',
      },
    });

    expect(snapshot(host.db)).toBe(before);
    expect(mediaFiles(host)).toEqual(files);
  });

  it('serves the photo without the EXIF a phone wrote (GPS, make), turned upright', async () => {
    const resident = host.client();
    await resident.session();
    const photo = await photoOf(resident, phonePhotoOf(48, 32));
    const served = await resident.raw('GET', photo);
    expect(served.status).toBe(200);
    const kept = Buffer.from(await served.arrayBuffer());
    expect(kept.includes(EXIF_MARK)).toBe(false);
    const file = fs.readFileSync(path.join(host.dataDir, 'media', path.basename(photo)));
    expect(file.includes(EXIF_MARK)).toBe(false);
    expect(await new Transformer(kept).metadata(true)).toMatchObject({ width: 32, height: 48 });
  });

  it('refuses the eleventh photo of a resident’s day with RATE_LIMITED, changing nothing', async () => {
    const other = host.client();
    await other.session();
    for (let i = 0; i < 10; i += 1) await photoOf(other);
    const before = snapshot(host.db);
    const files = mediaFiles(host);
    const eleventh = await upload(other, realPngOf(20, 20));
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: '每人每天最多上传 10 张照片，明天再来吧',
        field: 'data',
      },
    });
    expect(snapshot(host.db)).toBe(before);
    expect(mediaFiles(host)).toEqual(files);
    // The first resident's day is their own.
    await photoOf(resident);
  });
});
