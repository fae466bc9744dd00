import Taro from '@tarojs/taro';
import { resetCloudForTests } from '@/lib/cloud';
import { cloud, resetTaroDouble } from '../../../../tests/doubles/taro';
import { chooseAndUploadCover, coverCloudPath } from './cover-picker.weapp';

// The shared Taro double has no media chooser or cloud upload: added here for the weapp twin.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const chooseMedia = jest.fn();
  const cloud = { ...actual.cloud, uploadFile: jest.fn() };
  return {
    __esModule: true,
    ...actual,
    chooseMedia,
    cloud,
    default: { ...actual.default, chooseMedia, cloud },
  };
});

const chooseMedia = jest.mocked(Taro.chooseMedia);
const uploadFile = jest.mocked(Taro.cloud.uploadFile);

const picked = (size: number) =>
  ({
    type: 'image',
    tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size, fileType: 'image' }],
    errMsg: 'chooseMedia:ok',
  }) as unknown as Taro.chooseMedia.SuccessCallbackResult;

beforeEach(() => {
  resetTaroDouble();
  resetCloudForTests();
  chooseMedia.mockReset();
  uploadFile.mockReset();
});

describe('cover in the mini-program', () => {
  it('uploads the picked photo to cloud storage and uses its fileID', async () => {
    chooseMedia.mockResolvedValue(picked(300_000));
    uploadFile.mockResolvedValue({
      fileID: 'cloud://env-1.abc/notice-covers/jinse/k3x9.jpg',
      statusCode: 200,
      errMsg: 'cloud.uploadFile:ok',
    });
    await expect(chooseAndUploadCover('jinse')).resolves.toEqual({
      ref: 'cloud://env-1.abc/notice-covers/jinse/k3x9.jpg',
      preview: 'wxfile://tmp/photo.jpg',
    });
    expect(chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, mediaType: ['image'] }),
    );
    expect(cloud.init).toHaveBeenCalledTimes(1);
    const [{ cloudPath, filePath }] = uploadFile.mock.calls[0];
    expect(cloudPath).toMatch(/^notice-covers\/jinse\/[a-z0-9]+\.jpg$/);
    expect(filePath).toBe('wxfile://tmp/photo.jpg');
  });

  it('refuses a photo over 1 MB with the server’s words, before uploading', async () => {
    chooseMedia.mockResolvedValue(picked(1024 * 1024 + 1));
    await expect(chooseAndUploadCover('jinse')).rejects.toMatchObject({
      message: '封面图片不能超过 1MB，请换一张小一点的图片',
    });
    expect(uploadFile).not.toHaveBeenCalled();
  });

  it('does nothing when staff cancel, and explains a failed upload', async () => {
    chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
    await expect(chooseAndUploadCover('jinse')).resolves.toBeNull();

    chooseMedia.mockResolvedValue(picked(1000));
    uploadFile.mockRejectedValue({ errMsg: 'cloud.uploadFile:fail timeout' });
    await expect(chooseAndUploadCover('jinse')).rejects.toMatchObject({
      message: '封面上传失败，请检查网络后再试',
    });
  });

  it('names cloud files with letters and digits only', () => {
    expect(coverCloudPath('huchi')).toMatch(/^notice-covers\/huchi\/[a-z0-9]{8,}\.jpg$/);
    expect(coverCloudPath('huchi')).not.toBe(coverCloudPath('huchi'));
  });
});
