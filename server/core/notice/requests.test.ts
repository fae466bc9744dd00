/** The notice lifecycle's steps, on plain records without a store. */
import type { NoticeRecord } from '../ports';
import { archivedNotice, publishedNotice } from './requests';

const NOW = new Date('2026-12-01T02:00:00.000Z');
const notice = (over: Partial<NoticeRecord> = {}): NoticeRecord => ({
  id: 'n-1',
  community: 'jinse',
  week: '2026-11-30',
  title: '本周三晚 八点伴活动',
  body: '',
  cover: null,
  status: 'draft',
  pinned: false,
  createdBy: 'staff-1',
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-11-30T01:00:00.000Z',
  publishedAt: null,
  editedAt: null,
  activities: [],
  ...over,
});

describe('publishing', () => {
  it('publishes a draft now', () => {
    expect(publishedNotice(notice(), NOW)).toMatchObject({
      status: 'published',
      publishedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('leaves a published notice as it is (a retry changes nothing)', () => {
    expect(publishedNotice(notice({ status: 'published' }), NOW)).toBeNull();
  });

  it('refuses an archived notice', () => {
    expect(() => publishedNotice(notice({ status: 'archived' }), NOW)).toThrow(
      '已归档的通知不能再发布',
    );
  });
});

describe('archiving', () => {
  it('archives and unpins', () => {
    expect(archivedNotice(notice({ status: 'published', pinned: true }), NOW)).toMatchObject({
      status: 'archived',
      pinned: false,
      updatedAt: NOW.toISOString(),
    });
  });

  it('archives a draft too, and an archived notice stays as it is', () => {
    expect(archivedNotice(notice(), NOW)?.status).toBe('archived');
    expect(archivedNotice(notice({ status: 'archived' }), NOW)).toBeNull();
  });
});
