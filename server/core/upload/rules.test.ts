import type { UploadRecord } from '../ports';
import {
  attachRefusal,
  cloudFileOf,
  isExpired,
  keptRefOf,
  PENDING_FOLDER,
  quotaMessage,
  sweepCutoff,
  UPLOAD_WINDOW_MINUTES,
  withinQuota,
} from './rules';

const AT = new Date('2026-12-02T10:00:00Z');
const minutesLater = (m: number) => new Date(AT.getTime() + m * 60_000);
const upload = (extra: Partial<UploadRecord> = {}): UploadRecord => ({
  ref: '/media/a.png',
  community: 'jinse',
  kind: 'photo',
  userId: 'u1',
  uploadedAt: AT.toISOString(),
  attachedAt: null,
  ...extra,
});

describe('upload rules', () => {
  it('lets one more upload through only while fewer than the maximum are taken', () => {
    expect(withinQuota(0, 10)).toBe(true);
    expect(withinQuota(9, 10)).toBe(true);
    expect(withinQuota(10, 10)).toBe(false);
    expect(quotaMessage('photo')).toBe('每人每天最多上传 10 张照片，明天再来吧');
  });

  it('expires an unattached upload after the window, never an attached one', () => {
    expect(UPLOAD_WINDOW_MINUTES).toBe(15);
    expect(isExpired(upload(), minutesLater(15))).toBe(false);
    expect(isExpired(upload(), minutesLater(15.1))).toBe(true);
    expect(isExpired(upload({ attachedAt: AT.toISOString() }), minutesLater(600))).toBe(false);
  });

  it('sweeps only past the window and a grace, so an accepted submit attaches first', () => {
    expect(sweepCutoff(minutesLater(20))).toBe(AT.toISOString());
    expect(Date.parse(sweepCutoff(AT))).toBeLessThan(AT.getTime() - UPLOAD_WINDOW_MINUTES * 60_000);
  });

  it('attaches only a live upload of the same community and kind', () => {
    const now = minutesLater(5);
    expect(attachRefusal(upload(), 'jinse', 'photo', now)).toBeNull();
    expect(attachRefusal(null, 'jinse', 'photo', now)).toBe('照片不存在，请重新上传');
    expect(attachRefusal(upload(), 'huchi', 'photo', now)).toBe('照片不存在，请重新上传');
    expect(attachRefusal(upload(), 'jinse', 'cover', now)).toBe('封面图片不存在，请重新上传');
    expect(attachRefusal(upload(), 'jinse', 'photo', minutesLater(16))).toBe(
      '照片上传已超过 15 分钟，请重新上传',
    );
    // Held already (a retried submit, a notice saved again): still fine.
    const held = upload({ attachedAt: now.toISOString() });
    expect(attachRefusal(held, 'jinse', 'photo', minutesLater(600))).toBeNull();
  });

  it('lets the mini-program register only files in the folder of its kind of the community', () => {
    expect(cloudFileOf('cloud://e-1.b/suggestion-photos/jinse/abc.jpg', 'photo', 'jinse')).toBe(
      true,
    );
    expect(cloudFileOf('cloud://e-1.b/notice-covers/jinse/abc.jpg', 'cover', 'jinse')).toBe(true);
    expect(cloudFileOf('cloud://e-1.b/notice-covers/jinse/abc.jpg', 'photo', 'jinse')).toBe(false);
    expect(cloudFileOf('cloud://e-1.b/suggestion-photos/huchi/abc.jpg', 'photo', 'jinse')).toBe(
      false,
    );
    expect(cloudFileOf('cloud://e-1.b/suggestion-photos/jinse/x/abc.jpg', 'photo', 'jinse')).toBe(
      false,
    );
    expect(cloudFileOf('/media/abc.jpg', 'photo', 'jinse')).toBe(false);
  });

  it('accepts the same files under the pending folder, and keeps them outside it', () => {
    const pending = 'cloud://e-1.b/pending-uploads/suggestion-photos/jinse/abc.jpg';
    expect(cloudFileOf(pending, 'photo', 'jinse')).toBe(true);
    expect(cloudFileOf(pending, 'photo', 'huchi')).toBe(false);
    expect(cloudFileOf(pending, 'cover', 'jinse')).toBe(false);
    expect(cloudFileOf('cloud://e-1.b/other/suggestion-photos/jinse/a.jpg', 'photo', 'jinse')).toBe(
      false,
    );
    expect(keptRefOf(pending)).toBe('cloud://e-1.b/suggestion-photos/jinse/abc.jpg');
    expect(keptRefOf('cloud://e-1.b/suggestion-photos/jinse/abc.jpg')).toBe(
      'cloud://e-1.b/suggestion-photos/jinse/abc.jpg',
    );
    expect(keptRefOf('/media/abc.jpg')).toBe('/media/abc.jpg');
    expect(PENDING_FOLDER).toBe('pending-uploads');
  });
});
