/** Notices and activity sign-up over HTTP against a started local host on real SQLite. */
import { Transformer } from '@napi-rs/image';
import fs from 'node:fs';
import path from 'node:path';
import type { Tonight } from '../../../contract/community';
import type { Activity, AttendanceCsv, Attendees, Notice } from '../../../contract/notice';
import { fixedClock } from '../../core/clock';
import { adminAndStaff, snapshot, startTestHost, type TestClient, type TestHost } from './testing';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('notices over HTTP', () => {
  let host: TestHost;
  let staff: TestClient;
  beforeAll(async () => {
    // Monday 10:00: this week's Wednesday evening is still ahead.
    host = await startTestHost({
      clock: fixedClock('2026-11-30T10:00:00+08:00'),
      rateLimit: false,
    });
    ({ staff } = await adminAndStaff(host));
  });
  afterAll(async () => {
    await host.destroy();
  });

  const publish = async (capacity: number | null, extra: Record<string, unknown> = {}) => {
    const saved = await staff.call<Notice>('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-02',
      title: '本周三晚 八点伴',
      body: '书法体验课，名额有限。',
      activities: [
        {
          name: '书法体验课',
          date: '2026-12-02',
          startsAt: '19:00',
          endsAt: '20:00',
          place: '二楼活动室',
          capacity,
          signUp: true,
        },
      ],
      ...extra,
    });
    if (!saved.body.ok) throw new Error(saved.text);
    const published = await staff.call<Notice>('notice', {
      action: 'publish',
      id: saved.body.data.id,
    });
    if (!published.body.ok) throw new Error(published.text);
    return published.body.data;
  };

  it('gives 100 residents signing up at once for 10 places exactly 10 places and a waitlist of 90', async () => {
    const notice = await publish(10);
    const activityId = notice.activities[0]!.id;
    const residents = Array.from({ length: 100 }, () => host.client());
    await Promise.all(residents.map((r) => r.session()));
    const responses = await Promise.all(
      residents.map((r, i) =>
        r.call<Activity>('notice', {
          action: 'signUp',
          activityId,
          requestId: `load-signup-${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    const mine = responses.map((r) => {
      if (!r.body.ok) throw new Error(r.text);
      return r.body.data.mine!;
    });
    expect(mine.filter((m) => m.status === 'signed')).toHaveLength(10);
    const positions = mine.filter((m) => m.status === 'waitlisted').map((m) => m.waitlistPosition!);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));

    const retry = await residents[7]!.call<Activity>('notice', {
      action: 'signUp',
      activityId,
      requestId: 'load-signup-0007',
    });
    expect(retry.body).toMatchObject({ ok: true, data: { mine: { id: mine[7]!.id } } });

    const signedIndex = mine.findIndex((m) => m.status === 'signed');
    const firstWaiting = mine.findIndex((m) => m.waitlistPosition === 1);
    await residents[signedIndex]!.call('notice', { action: 'cancelSignUp', activityId });
    const promoted = await residents[firstWaiting]!.call<Notice>('notice', {
      action: 'get',
      id: notice.id,
    });
    expect(promoted.body).toMatchObject({
      ok: true,
      data: { activities: [{ signed: 10, waitlisted: 89, mine: { status: 'signed' } }] },
    });
    const outbox = host.db
      .prepare("SELECT kind FROM outbox WHERE kind = 'activity-promoted'")
      .all();
    expect(outbox).toHaveLength(1);

    const desk = await staff.call<Attendees>('notice', { action: 'attendees', activityId });
    expect(desk.body).toMatchObject({
      ok: true,
      data: { figures: { signed: 10, waitlisted: 89, attended: 0, cancelled: 1 } },
    });
  });

  it('shows published notices on the tonight page and never drafts', async () => {
    const resident = host.client();
    await resident.session();
    const draft = await staff.call<Notice>('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-02',
      title: '还没发布的草稿',
      body: '',
      activities: [],
    });
    expect(draft.status).toBe(200);
    const tonight = await resident.call<Tonight>('community', {
      action: 'tonight',
      community: 'jinse',
    });
    if (!tonight.body.ok) throw new Error(tonight.text);
    expect(tonight.body.data.notices.map((n) => n.title)).not.toContain('还没发布的草稿');
    expect(tonight.body.data.notices.length).toBeGreaterThan(0);
    const get = await resident.call('notice', {
      action: 'get',
      id: (draft.body as { data: Notice }).data.id,
    });
    expect(get.status).toBe(404);
  });

  it('takes a cover photo, serves it as an image, and refuses others before touching anything', async () => {
    const upload = (data: string) =>
      staff.call<{ cover: string }>('notice', { action: 'uploadCover', community: 'jinse', data });
    const ok = await upload(PNG);
    if (!ok.body.ok) throw new Error(ok.text);
    expect(ok.body.data.cover).toMatch(/^\/media\/[a-f0-9]{64}\.png$/);
    const image = await staff.raw('GET', ok.body.data.cover);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    // Shown, never run: whatever hides in the file, the page around it has no script.
    expect(image.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    // The re-encoded copy (server/hosts/images.ts): the same 1 × 1 picture, decodable.
    const served = await new Transformer(Buffer.from(await image.arrayBuffer())).metadata();
    expect(served).toMatchObject({ width: 1, height: 1, format: 'png' });
    expect((await staff.raw('GET', '/media/..%2F..%2Fbadianban.db')).status).toBe(404);
    const saved = await publish(null, { cover: ok.body.data.cover });
    expect(saved.cover).toBe(ok.body.data.cover);

    const before = snapshot(host.db);
    const files = fs.readdirSync(path.join(host.dataDir, 'media'));
    const text = await upload(Buffer.from('<html>不是图片</html>').toString('base64'));
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '封面只能是 JPG、PNG 或 WebP 图片' },
    });
    // 2 MB of base64: refused by size before it is parsed, with the envelope and a Chinese message.
    const huge = await upload('A'.repeat(2 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // Other actions keep the 64 KB limit.
    const long = await staff.call('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-02',
      title: 't',
      body: 'x'.repeat(70 * 1024),
      activities: [],
    });
    expect(long.status).toBe(413);
    expect(snapshot(host.db)).toBe(before);
    expect(fs.readdirSync(path.join(host.dataDir, 'media'))).toEqual(files);
  });

  it('exports attendance as BOM-prefixed CSV and serves the self check-in QR code', async () => {
    const notice = await publish(5, { title: '导出测试' });
    const activityId = notice.activities[0]!.id;
    const desk = await staff.call<Attendees>('notice', { action: 'attendees', activityId });
    if (!desk.body.ok) throw new Error(desk.text);
    const qr = await staff.raw(
      'GET',
      `/qr/check-in.png?a=${activityId}&k=${desk.body.data.checkInCode}`,
    );
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect((await staff.raw('GET', `/qr/check-in.png?a=${activityId}&k=WRONG1`)).status).toBe(404);

    await staff.call('notice', {
      action: 'checkInFor',
      activityId,
      name: '李大爷',
      requestId: 'export-walk-in-01',
    });
    const exported = await staff.call<AttendanceCsv>('notice', { action: 'export', id: notice.id });
    if (!exported.body.ok) throw new Error(exported.text);
    expect(exported.body.data.csv.charCodeAt(0)).toBe(0xfeff);
    expect(exported.body.data.csv).toContain(
      '\r\n书法体验课,2026-12-02,19:00-20:00,二楼活动室,李大爷,已报名,是,',
    );
  });
});
