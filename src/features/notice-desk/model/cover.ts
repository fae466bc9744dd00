/** The notice cover's picker: words (the same limit and words as the server's check) and folder. */
import type { ImagePickerSetup } from '@/components/image-picker/image-picker-props';

export const COVER_PICKER: ImagePickerSetup = {
  labels: { pick: '选择封面图片', change: '换一张封面', input: '选择封面图片' },
  messages: {
    tooLarge: '封面图片不能超过 1MB，请换一张小一点的图片',
    readFailed: '读不出这张图片，请换一张再试',
    uploadFailed: '封面上传失败，请检查网络后再试',
  },
  cloudFolder: 'notice-covers',
};
