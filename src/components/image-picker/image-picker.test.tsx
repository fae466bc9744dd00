import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { COVER_PICKER } from '@/features/notice-desk/model/cover';
import { PHOTO_PICKER } from '@/features/suggestion/model/photo';
import { base64OfDataUrl } from './image-file';
import { ImagePicker, uploadImageFile } from './image-picker';

const file = (bytes: number) =>
  new File([new Uint8Array(bytes)], 'lamp.png', { type: 'image/png' });

describe('image picker in the browser', () => {
  it('reads the file, sends its base64 and previews the file itself', async () => {
    const upload = jest.fn().mockResolvedValue('media/jinse/k3x9.png');
    const picked = await uploadImageFile('jinse', file(3), PHOTO_PICKER, upload);
    expect(picked.ref).toBe('media/jinse/k3x9.png');
    expect(picked.preview).toMatch(/^data:image\/png;base64,/);
    expect(upload).toHaveBeenCalledWith('jinse', base64OfDataUrl(picked.preview));
    expect(base64OfDataUrl('data:image/png;base64,AAAA')).toBe('AAAA');
    expect(base64OfDataUrl('no comma')).toBe('');
  });

  it('refuses a file over 1 MB with the feature’s words, before uploading', async () => {
    const upload = jest.fn();
    await expect(
      uploadImageFile('jinse', file(1024 * 1024 + 1), COVER_PICKER, upload),
    ).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '封面图片不能超过 1MB，请换一张小一点的图片',
    });
    expect(upload).not.toHaveBeenCalled();
  });

  it('names the file input after the button, unless the feature names it', async () => {
    const onPicked = jest.fn();
    const upload = jest.fn().mockResolvedValue('media/x.png');
    const { rerender } = render(
      <ImagePicker
        community="jinse"
        setup={PHOTO_PICKER}
        upload={upload}
        register={jest.fn()}
        hasImage
        disabled={false}
        onPicked={onPicked}
        onError={jest.fn()}
      />,
    );
    expect(screen.getByText('换一张照片')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('换一张照片'), { target: { files: [file(3)] } });
    await waitFor(() => expect(onPicked).toHaveBeenCalledTimes(1));

    rerender(
      <ImagePicker
        community="jinse"
        setup={COVER_PICKER}
        upload={upload}
        register={jest.fn()}
        hasImage
        disabled={false}
        onPicked={onPicked}
        onError={jest.fn()}
      />,
    );
    expect(screen.getByText('换一张封面')).toBeTruthy();
    expect(screen.getByLabelText('选择封面图片')).toBeTruthy();
  });
});
