/** Uploads through dispatch: the quota, attaching on submit and save, and the sweep. */
import type { Suggestion } from '../../../contract/suggestion';
import type { Notice } from '../../../contract/notice';
import { coreHarness, ok } from '../../testing/core-harness';
import { Transformer } from '@napi-rs/image';
import { EXIF_MARK, phonePhotoOf, pngOf, realJpegOf, realPngOf } from '../../testing/images';
import { memoryMedia } from '../../testing/media';
import { sweepUploads } from './service';

const MONDAY = '2026-11-30T10:00:00+08:00';

async function setup() {
  const { media, files } = memoryMedia();
  const h = await coreHarness(MONDAY, { media });
  const resident = h.as('resident-1');
  const photo = async (data = realPngOf(20, 20).toString('base64'), community = 'jinse') =>
    resident<{ photo: string }>('suggestion.uploadPhoto', { community, data });
  let n = 0;
  const submit = (extra: Record<string, unknown>) =>
    resident<Suggestion>('suggestion.submit', {
      community: 'jinse',
      category: 'hours',
      text: '希望周五晚上也开放',
      requestId: `req-upload-${(n += 1)}`,
      ...extra,
    });
  return { h, files, resident, photo, submit };
}

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

describe('uploads', () => {
  it('keeps a re-encoded copy: the phone photo stands up and its EXIF (GPS, make) is gone', async () => {
    const s = await setup();
    h = s.h;
    const sent = phonePhotoOf(40, 20);
    expect(sent.includes(EXIF_MARK)).toBe(true);
    const { photo } = ok(await s.photo(sent.toString('base64')));
    const kept = Buffer.from(s.files.get(photo) ?? []);
    expect(kept.includes(EXIF_MARK)).toBe(false);
    const meta = await new Transformer(kept).metadata(true);
    // Orientation 6 applied: stored 40 × 20, kept upright as 20 × 40, with no EXIF block.
    expect(meta).toMatchObject({ width: 20, height: 40 });
    expect(meta.exif).toBeUndefined();
  });

  it('refuses an image whose headers pass but whose pixels do not decode, and counts nothing', async () => {
    const s = await setup();
    h = s.h;
    // pngOf: a header-only PNG (sane size, an end marker) whose IDAT is not a picture.
    expect(await s.photo(pngOf(20, 20).toString('base64'))).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '照片无法读取，请换一张照片', field: 'data' },
    });
    expect(s.files.size).toBe(0);
    for (let i = 0; i < 10; i += 1) ok(await s.photo());
  });

  it('refuses the 11th photo of a resident’s day, and a refused image takes nothing', async () => {
    const s = await setup();
    h = s.h;
    const bomb = await s.photo(pngOf(8000, 8000).toString('base64'));
    expect(bomb).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'data' } });
    for (let i = 0; i < 10; i += 1) ok(await s.photo(realJpegOf(40, 30).toString('base64')));
    expect(await s.photo()).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: '每人每天最多上传 10 张照片，明天再来吧',
        field: 'data',
      },
    });
    expect(s.files.size).toBe(10);
    // Another resident has their own ten; the next day the first has ten again.
    ok(
      await h.as('resident-2')<{ photo: string }>('suggestion.uploadPhoto', {
        community: 'jinse',
        data: realPngOf(2, 2).toString('base64'),
      }),
    );
    h.clock.advance(24 * 60);
    ok(await s.photo());
  });

  it('attaches a photo on submit; a ref of another community, unknown or expired is refused', async () => {
    const s = await setup();
    h = s.h;
    const { photo } = ok(await s.photo());
    const filed = ok(await s.submit({ photo }));
    expect(filed.photo).toBe(photo);
    expect((await h.store.uploads.get(photo))?.attachedAt).toBe(h.clock.now().toISOString());

    const other = ok(await s.photo(undefined, 'huchi')).photo;
    expect(await s.submit({ photo: other })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '照片不存在，请重新上传', field: 'photo' },
    });
    expect(await s.submit({ photo: '/media/never-uploaded.png' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'photo' },
    });
    const late = ok(await s.photo()).photo;
    h.clock.advance(16);
    expect(await s.submit({ photo: late })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '照片上传已超过 15 分钟，请重新上传', field: 'photo' },
    });
  });

  it('sweeps unattached uploads past the window with their files, and keeps attached ones', async () => {
    const s = await setup();
    h = s.h;
    const kept = ok(await s.photo()).photo;
    ok(await s.submit({ photo: kept }));
    const orphan = ok(await s.photo()).photo;
    const cover = ok(
      await h.staff<{ cover: string }>('notice.uploadCover', {
        community: 'jinse',
        data: realPngOf(30, 20).toString('base64'),
      }),
    ).cover;
    const notice = ok(
      await h.staff<Notice>('notice.save', {
        community: 'jinse',
        week: '2026-12-02',
        title: '本周三晚',
        body: '照常开放',
        activities: [],
        cover,
      }),
    );
    expect(notice.cover).toBe(cover);

    h.clock.advance(10);
    expect(await sweepUploads(h.deps, h.clock.now())).toEqual({ done: 0, finished: true });
    h.clock.advance(15);
    expect(await sweepUploads(h.deps, h.clock.now())).toEqual({ done: 1, finished: true });
    expect(s.files.has(orphan)).toBe(false);
    expect(await h.store.uploads.get(orphan)).toBeNull();
    expect(s.files.has(kept)).toBe(true);
    expect(s.files.has(cover)).toBe(true);
    // Swept uploads still count towards the day: the quota is not refilled by waiting.
    expect(await sweepUploads(h.deps, h.clock.now())).toEqual({ done: 0, finished: true });
  });

  it('registers a file the mini-program put in cloud storage: checked, counted, deleted when refused', async () => {
    const s = await setup();
    h = s.h;
    const register = (file: string) =>
      s.resident<{ photo: string }>('suggestion.uploadPhoto', { community: 'jinse', file });
    const good = 'cloud://env-1.bucket/suggestion-photos/jinse/k1.jpg';
    const bomb = 'cloud://env-1.bucket/suggestion-photos/jinse/k2.png';
    s.files.set(good, phonePhotoOf(40, 30));
    s.files.set(bomb, pngOf(8000, 8000));
    expect(ok(await register(good)).photo).toBe(good);
    // The file is replaced in place by its clean copy: same fileID, no EXIF left.
    expect(Buffer.from(s.files.get(good) ?? []).includes(EXIF_MARK)).toBe(false);
    // Again (a retry): the same upload, nothing more counted.
    expect(ok(await register(good)).photo).toBe(good);
    expect(await h.store.uploads.get(good)).toMatchObject({
      userId: 'resident-1',
      attachedAt: null,
    });
    expect(await register(bomb)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(s.files.has(bomb)).toBe(false);
    // Another community's folder, or a covers folder, is not a photo of this community.
    s.files.set('cloud://env-1.bucket/suggestion-photos/huchi/k3.jpg', realJpegOf(4, 4));
    s.files.set('cloud://env-1.bucket/notice-covers/jinse/k4.jpg', realJpegOf(4, 4));
    for (const file of [
      'cloud://env-1.bucket/suggestion-photos/huchi/k3.jpg',
      'cloud://env-1.bucket/notice-covers/jinse/k4.jpg',
      'cloud://env-1.bucket/suggestion-photos/jinse/missing.jpg',
    ]) {
      expect(await register(file)).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: '照片不存在，请重新上传', field: 'file' },
      });
    }
    expect(s.files.has('cloud://env-1.bucket/suggestion-photos/huchi/k3.jpg')).toBe(true);
    // Both or neither of data and file: refused by the input check.
    expect(
      await s.resident('suggestion.uploadPhoto', {
        community: 'jinse',
        file: good,
        data: 'AAAAAAAA',
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await s.resident('suggestion.uploadPhoto', { community: 'jinse' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    ok(await s.submit({ photo: good }));
  });

  it('keeps a pending upload’s clean copy out of the pending folder; a retry answers it again', async () => {
    const s = await setup();
    h = s.h;
    const register = (file: string) =>
      s.resident<{ photo: string }>('suggestion.uploadPhoto', { community: 'jinse', file });
    const pending = 'cloud://env-1.bucket/pending-uploads/suggestion-photos/jinse/k5.jpg';
    const kept = 'cloud://env-1.bucket/suggestion-photos/jinse/k5.jpg';
    s.files.set(pending, phonePhotoOf(40, 30));
    expect(ok(await register(pending)).photo).toBe(kept);
    expect(s.files.has(pending)).toBe(false);
    expect(Buffer.from(s.files.get(kept) ?? []).includes(EXIF_MARK)).toBe(false);
    expect(await h.store.uploads.get(kept)).toMatchObject({ userId: 'resident-1' });
    expect(await h.store.uploads.get(pending)).toBeNull();
    // A retry (the answer was lost): the same reference, nothing more counted or stored.
    const before = new Map(s.files);
    expect(ok(await register(pending)).photo).toBe(kept);
    expect(s.files).toEqual(before);
    // A retry that finds the pending file still there (the first stopped before removing it).
    s.files.set(pending, phonePhotoOf(40, 30));
    expect(ok(await register(pending)).photo).toBe(kept);
    expect(s.files.has(pending)).toBe(false);
    ok(await s.submit({ photo: kept }));
    // The pending path itself is never a reference a suggestion may hold.
    expect(await s.submit({ photo: pending })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'photo' },
    });
    // A refused pending file goes at once.
    const bomb = 'cloud://env-1.bucket/pending-uploads/suggestion-photos/jinse/k6.png';
    s.files.set(bomb, pngOf(8000, 8000));
    expect(await register(bomb)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(s.files.has(bomb)).toBe(false);
    expect(s.files.has('cloud://env-1.bucket/suggestion-photos/jinse/k6.png')).toBe(false);
  });
});
