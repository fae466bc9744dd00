import * as cloud from 'wx-server-sdk';
import { COLLECTIONS } from '../../stores/cloudbase';
import { createCloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { Transformer } from '@napi-rs/image';
import { main as noticeMain } from './functions/notice';
import { COVER_FOLDER, createCloudMedia, type CloudStorage } from './media';

// wx-server-sdk is mocked at its edge, for the wiring test through the notice entry: storage is
// recorded, the database is the CloudBase emulator.
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  database: jest.fn(),
  getWXContext: jest.fn(),
  uploadFile: jest.fn(),
  downloadFile: jest.fn(),
}));

const FILE_ID = 'cloud://env-1.656e-env-1-1300000000/notice-covers/c1/0123abcd.png';
const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

let storage: { uploadFile: jest.Mock; downloadFile: jest.Mock; deleteFile: jest.Mock };
const log = { warn: jest.fn() };
const media = () => createCloudMedia(storage as CloudStorage, { log });

beforeEach(() => {
  storage = {
    uploadFile: jest.fn(async () => ({ fileID: FILE_ID, statusCode: 204 })),
    downloadFile: jest.fn(async () => ({ fileContent: Buffer.from(BYTES), statusCode: 200 })),
    deleteFile: jest.fn(async () => ({ fileList: [{ fileID: FILE_ID, status: 0, errMsg: 'ok' }] })),
  };
  log.warn.mockReset();
});

describe('createCloudMedia', () => {
  it('deletes a cloud file on remove, and leaves references that are not ours alone', async () => {
    await media().remove(FILE_ID);
    expect(storage.deleteFile).toHaveBeenCalledWith({ fileList: [FILE_ID] });
    await media().remove('/media/abc.png');
    expect(storage.deleteFile).toHaveBeenCalledTimes(1);
    storage.deleteFile.mockResolvedValueOnce({ fileList: [{ fileID: FILE_ID, status: -1 }] });
    await media().remove(FILE_ID);
    expect(log.warn).toHaveBeenCalled();
  });

  it('uploads under notice-covers/<community>/ with a random name and returns the fileID', async () => {
    expect(await media().put('c1', BYTES, 'png')).toBe(FILE_ID);
    await media().put('c1', BYTES, 'webp');
    const [first, second] = storage.uploadFile.mock.calls.map(
      ([options]: [{ cloudPath: string; fileContent: Buffer }]) => options,
    );
    expect(first!.cloudPath).toMatch(/^notice-covers\/c1\/[0-9a-f]{24}\.png$/);
    expect(second!.cloudPath).toMatch(/^notice-covers\/c1\/[0-9a-f]{24}\.webp$/);
    expect(first!.cloudPath).not.toBe(second!.cloudPath.replace(/webp$/, 'png'));
    expect(Buffer.isBuffer(first!.fileContent)).toBe(true);
    expect([...first!.fileContent]).toEqual([...BYTES]);
    expect(COVER_FOLDER).toBe('notice-covers');
  });

  it('replaces a file in place: uploads to the same cloudPath and keeps the fileID', async () => {
    await media().replace(FILE_ID, BYTES);
    expect(storage.uploadFile).toHaveBeenCalledWith({
      cloudPath: 'notice-covers/c1/0123abcd.png',
      fileContent: Buffer.from(BYTES),
    });
    await expect(media().replace('/media/abc.png', BYTES)).rejects.toThrow('Not a cloud fileID');
    storage.uploadFile.mockResolvedValueOnce({ fileID: `${FILE_ID}x`, statusCode: 204 });
    await expect(media().replace(FILE_ID, BYTES)).rejects.toThrow('replaced');
  });

  it('writes a clean copy at a new path (out of the pending folder) as it replaces one', async () => {
    const kept = 'cloud://env-1.abcd-1234/suggestion-photos/c1/k5.jpg';
    storage.uploadFile.mockResolvedValueOnce({ fileID: kept, statusCode: 204 });
    await media().replace(kept, BYTES);
    expect(storage.uploadFile).toHaveBeenCalledWith({
      cloudPath: 'suggestion-photos/c1/k5.jpg',
      fileContent: Buffer.from(BYTES),
    });
  });

  it('refuses an unknown type before uploading, and an upload without a fileID', async () => {
    await expect(media().put('c1', BYTES, 'gif')).rejects.toThrow('Unsupported cover type: gif');
    expect(storage.uploadFile).not.toHaveBeenCalled();
    storage.uploadFile.mockResolvedValueOnce({ statusCode: 500 });
    await expect(media().put('c1', BYTES, 'png')).rejects.toThrow('no fileID');
  });

  it('reads a cloud fileID back as bytes', async () => {
    const bytes = await media().read(FILE_ID);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes!]).toEqual([...BYTES]);
    expect(storage.downloadFile).toHaveBeenCalledWith({ fileID: FILE_ID });
  });

  it('reads anything else, or any failure, as null without throwing', async () => {
    expect(await media().read('/media/abc.png')).toBeNull();
    expect(await media().read('https://example.com/a.png')).toBeNull();
    expect(storage.downloadFile).not.toHaveBeenCalled();

    storage.downloadFile.mockRejectedValueOnce(
      Object.assign(new Error('storage file not exists'), { errCode: -503003 }),
    );
    expect(await media().read(FILE_ID)).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain(FILE_ID);

    storage.downloadFile.mockResolvedValueOnce({ statusCode: 404 });
    expect(await media().read(FILE_ID)).toBeNull();
  });

  it('shows a fileID as it is: weapp <Image> takes cloud:// sources', async () => {
    expect(await media().url(FILE_ID)).toBe(FILE_ID);
  });
});

describe('createHandler: media', () => {
  const sdk = jest.mocked(cloud);
  // A 1×1 PNG, as notice.uploadCover's example.
  const PNG =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

  it('the notice function stores staff uploads in cloud storage', async () => {
    const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
    const db = emulator.database();
    sdk.database.mockReturnValue(db as unknown as ReturnType<typeof cloud.database>);
    sdk.getWXContext.mockReturnValue({ OPENID: 'o-staff', APPID: 'wx123', ENV: 'test-env' });
    await db
      .collection('users')
      .doc('wx:o-staff')
      .set({ data: { admin: false, staffOf: ['c1'], createdAt: '2026-12-01T00:00:00.000Z' } });
    await db
      .collection('communities')
      .doc('c1')
      .set({ data: { name: '幸福里社区', evenings: [], services: [] } });
    (sdk.uploadFile as jest.Mock).mockResolvedValueOnce({ fileID: FILE_ID, statusCode: 204 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    // The deployed entry: it passes the image cleaner, so the stored cover is a re-encoded copy.
    const result = await noticeMain({
      action: 'uploadCover',
      community: 'c1',
      data: PNG,
      userInfo: { appId: 'wx123', openId: 'o-staff' },
    });
    warn.mockRestore();
    expect(result).toEqual({ ok: true, data: { cover: FILE_ID } });
    expect(sdk.uploadFile).toHaveBeenCalledWith({
      cloudPath: expect.stringMatching(/^notice-covers\/c1\/[0-9a-f]{24}\.png$/),
      fileContent: expect.any(Buffer),
    });
    const [[{ fileContent }]] = (sdk.uploadFile as jest.Mock).mock.calls as [
      [{ fileContent: Buffer }],
    ];
    expect(await new Transformer(fileContent).metadata()).toMatchObject({
      width: 1,
      height: 1,
      format: 'png',
    });
  });
});
