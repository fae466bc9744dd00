import Taro from '@tarojs/taro';
import { COVER_PICKER } from '@/features/notice-desk/model/cover';
import { PHOTO_PICKER } from '@/features/suggestion/model/photo';
import { resetCloudForTests } from '@/lib/cloud';
import { GatewayError } from '@/lib/gateway';
import { cloud, resetTaroDouble } from '../../../tests/doubles/taro';
import { imageCloudPath } from './image-file';
import { chooseAndUploadImage } from './image-picker.weapp';

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

describe.each([
  {
    what: 'notice cover',
    setup: COVER_PICKER,
    folder: 'notice-covers',
    tooLarge: '封面图片不能超过 1MB，请换一张小一点的图片',
    uploadFailed: '封面上传失败，请检查网络后再试',
  },
  {
    what: 'suggestion photo',
    setup: PHOTO_PICKER,
    folder: 'suggestion-photos',
    tooLarge: '照片不能超过 1MB，请换一张小一点的照片',
    uploadFailed: '照片上传失败，请检查网络后再试',
  },
])('$what in the mini-program', ({ setup, folder, tooLarge, uploadFailed }) => {
  it(`uploads the picked photo under pending-uploads/${folder}/<community>/ and uses its fileID`, async () => {
    chooseMedia.mockResolvedValue(picked(300_000));
    uploadFile.mockResolvedValue({
      fileID: `cloud://env-1.abc/${folder}/jinse/k3x9.jpg`,
      statusCode: 200,
      errMsg: 'cloud.uploadFile:ok',
    });
    await expect(chooseAndUploadImage('jinse', setup)).resolves.toEqual({
      ref: `cloud://env-1.abc/${folder}/jinse/k3x9.jpg`,
      preview: 'wxfile://tmp/photo.jpg',
    });
    expect(chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, mediaType: ['image'] }),
    );
    expect(cloud.init).toHaveBeenCalledTimes(1);
    const [{ cloudPath, filePath }] = uploadFile.mock.calls[0];
    expect(cloudPath).toMatch(new RegExp(`^pending-uploads/${folder}/jinse/[a-z0-9]+\\.jpg$`));
    expect(filePath).toBe('wxfile://tmp/photo.jpg');
  });

  it('has the server register the uploaded file, and answers the reference it gives', async () => {
    chooseMedia.mockResolvedValue(picked(300_000));
    const fileID = `cloud://env-1.abc/pending-uploads/${folder}/jinse/k3x9.jpg`;
    uploadFile.mockResolvedValue({ fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    // The server keeps the checked copy out of the pending folder: its reference is what counts.
    const kept = `cloud://env-1.abc/${folder}/jinse/k3x9.jpg`;
    const register = jest.fn().mockResolvedValue(kept);
    await expect(chooseAndUploadImage('jinse', setup, register)).resolves.toEqual({
      ref: kept,
      preview: 'wxfile://tmp/photo.jpg',
    });
    expect(register).toHaveBeenCalledWith('jinse', fileID);
    // The server's refusal (e.g. the day's quota) reaches the form as it is.
    const quota = new GatewayError({
      code: 'RATE_LIMITED',
      message: '每人每天最多上传 10 张照片，明天再来吧',
    });
    register.mockRejectedValueOnce(quota);
    await expect(chooseAndUploadImage('jinse', setup, register)).rejects.toBe(quota);
  });

  it('refuses a photo over 1 MB with the server’s words, before uploading', async () => {
    chooseMedia.mockResolvedValue(picked(1024 * 1024 + 1));
    await expect(chooseAndUploadImage('jinse', setup)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: tooLarge,
    });
    expect(uploadFile).not.toHaveBeenCalled();
  });

  it('does nothing when the user cancels, and explains a failed upload', async () => {
    chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
    await expect(chooseAndUploadImage('jinse', setup)).resolves.toBeNull();
    expect(uploadFile).not.toHaveBeenCalled();

    chooseMedia.mockResolvedValue(picked(1000));
    uploadFile.mockRejectedValue({ errMsg: 'cloud.uploadFile:fail timeout' });
    await expect(chooseAndUploadImage('jinse', setup)).rejects.toMatchObject({
      message: uploadFailed,
    });
  });

  it('makes a fresh cloud path under the pending folder each time, letters and digits only', () => {
    const a = imageCloudPath(folder, 'huchi');
    expect(a).toMatch(new RegExp(`^pending-uploads/${folder}/huchi/[a-z0-9]{8,}\\.jpg$`));
    expect(imageCloudPath(folder, 'huchi')).not.toBe(a);
  });
});
