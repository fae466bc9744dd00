/** A suggestion's photo picker: words (the same limit as the server's image check) and folder. */
import type { ImagePickerSetup } from '@/components/image-picker/image-picker-props';

export const PHOTO_PICKER: ImagePickerSetup = {
  labels: { pick: '添加照片', change: '换一张照片' },
  messages: {
    tooLarge: '照片不能超过 1MB，请换一张小一点的照片',
    readFailed: '读不出这张照片，请换一张再试',
    uploadFailed: '照片上传失败，请检查网络后再试',
  },
  cloudFolder: 'suggestion-photos',
};
