import { AppError } from '../errors';
import { bytes, jpegOf, pngOf, webpOf } from '../../testing/images';
import { imageEnd, inspectImage, MAX_PIXELS, MAX_SIDE, saneDimensions } from './image';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
};

describe('inspectImage', () => {
  it('accepts whole JPEG, PNG and WebP images of phone-photo size', () => {
    expect(inspectImage(jpegOf(4032, 3024), 'data', 'photo')).toEqual({ type: 'jpg' });
    expect(inspectImage(pngOf(1080, 1920))).toEqual({ type: 'png' });
    expect(inspectImage(webpOf(800, 600))).toEqual({ type: 'webp' });
  });

  it('refuses an 8000 × 8000 decompression bomb from its header alone', () => {
    for (const image of [pngOf(8000, 8000), jpegOf(8000, 8000), webpOf(8000, 8000)]) {
      expect(refusal(() => inspectImage(image, 'data', 'photo'))).toEqual({
        code: 'BAD_INPUT',
        message: '照片尺寸过大或不正常（最长边不超过 4096 像素），请换一张照片',
      });
    }
    // Within the side limit but over 16 MP in all.
    expect(refusal(() => inspectImage(pngOf(4096, 4096)))?.code).toBe('BAD_INPUT');
  });

  it('refuses bytes after the image: a PNG or JPEG with an HTML page appended', () => {
    const html = '<html><script>alert(1)</script></html>';
    for (const image of [pngOf(10, 10), jpegOf(10, 10), webpOf(10, 10)]) {
      expect(refusal(() => inspectImage(bytes(image, html), 'data', 'photo'))).toEqual({
        code: 'BAD_INPUT',
        message: '照片文件末尾带有多余内容，请换一张照片',
      });
    }
  });

  it('refuses an image cut short before its end marker', () => {
    const png = pngOf(10, 10);
    expect(refusal(() => inspectImage(png.subarray(0, png.length - 12)))?.message).toBe(
      '封面图片文件不完整，请换一张照片',
    );
    const jpeg = jpegOf(10, 10);
    expect(refusal(() => inspectImage(jpeg.subarray(0, jpeg.length - 2)))?.code).toBe('BAD_INPUT');
  });
});

describe('imageEnd', () => {
  it('finds the end past a thumbnail EOI inside EXIF and past stuffed and restart bytes', () => {
    const jpeg = jpegOf(2, 2);
    expect(imageEnd(jpeg, 'jpg')).toBe(jpeg.length);
    expect(imageEnd(bytes(jpeg, [0xff, 0xd9]), 'jpg')).toBe(jpeg.length);
  });

  it('answers null when a PNG chunk length points past the bytes', () => {
    const png = pngOf(2, 2);
    const broken = Buffer.from(png);
    broken.writeUInt32BE(0x7fffffff, 8);
    expect(imageEnd(broken, 'png')).toBeNull();
  });
});

describe('saneDimensions', () => {
  it('keeps both sides within MAX_SIDE and the area within MAX_PIXELS', () => {
    expect(saneDimensions(MAX_SIDE, 3000)).toBe(true);
    expect(saneDimensions(MAX_SIDE + 1, 10)).toBe(false);
    expect(saneDimensions(4000, 4000)).toBe(4000 * 4000 <= MAX_PIXELS);
    expect(saneDimensions(4096, 4096)).toBe(false);
    expect(saneDimensions(0, 10)).toBe(false);
    expect(saneDimensions(undefined, 10)).toBe(false);
  });
});
