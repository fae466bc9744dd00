import Taro from '@tarojs/taro';
import { resetCloudForTests } from '@/lib/cloud';
import { cloud, resetTaroDouble } from '../../../../tests/doubles/taro';
import { photoCloudPath } from '../model/photo';
import { chooseAndUploadPhoto } from './photo-picker.weapp';

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
    tempFiles: [{ tempFilePath: 'wxfile://tmp/lamp.jpg', size, fileType: 'image' }],
    errMsg: 'chooseMedia:ok',
  }) as unknown as Taro.chooseMedia.SuccessCallbackResult;

beforeEach(() => {
  resetTaroDouble();
  resetCloudForTests();
  chooseMedia.mockReset();
  uploadFile.mockReset();
});

describe('suggestion photo in the mini-program', () => {
  it('uploads the picked photo under suggestion-photos/<community>/ and uses its fileID', async () => {
    chooseMedia.mockResolvedValue(picked(300_000));
    uploadFile.mockResolvedValue({
      fileID: 'cloud://env-1.abc/suggestion-photos/jinse/k3x9.jpg',
      statusCode: 200,
      errMsg: 'cloud.uploadFile:ok',
    });
    await expect(chooseAndUploadPhoto('jinse')).resolves.toEqual({
      ref: 'cloud://env-1.abc/suggestion-photos/jinse/k3x9.jpg',
      preview: 'wxfile://tmp/lamp.jpg',
    });
    expect(chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, mediaType: ['image'] }),
    );
    expect(cloud.init).toHaveBeenCalledTimes(1);
    const [{ cloudPath, filePath }] = uploadFile.mock.calls[0];
    expect(cloudPath).toMatch(/^suggestion-photos\/jinse\/[a-z0-9]+\.jpg$/);
    expect(filePath).toBe('wxfile://tmp/lamp.jpg');
  });

  it('refuses a photo over 1 MB before uploading', async () => {
    chooseMedia.mockResolvedValue(picked(1024 * 1024 + 1));
    await expect(chooseAndUploadPhoto('jinse')).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '照片不能超过 1MB，请换一张小一点的照片',
    });
    expect(uploadFile).not.toHaveBeenCalled();
  });

  it('is nothing when the resident cancels, and a clear message when the upload fails', async () => {
    chooseMedia.mockRejectedValue({ errMsg: 'chooseMedia:fail cancel' });
    await expect(chooseAndUploadPhoto('jinse')).resolves.toBeNull();

    chooseMedia.mockResolvedValue(picked(1000));
    uploadFile.mockRejectedValue(new Error('network'));
    await expect(chooseAndUploadPhoto('jinse')).rejects.toMatchObject({
      message: '照片上传失败，请检查网络后再试',
    });
  });

  it('makes a fresh cloud path each time, letters and digits only', () => {
    const a = photoCloudPath('huchi');
    expect(a).toMatch(/^suggestion-photos\/huchi\/[a-z0-9]{8,}\.jpg$/);
    expect(photoCloudPath('huchi')).not.toBe(a);
  });
});
