/** The input both upload actions take (suggestion.uploadPhoto, notice.uploadCover). */
import * as z from 'zod';
import { COVER_MAX_BYTES } from '../notice/image';
import { ids } from '../validation';

/** Base64 of at most COVER_MAX_BYTES (4 characters per 3 bytes), checked again after decoding. */
export const BASE64_MAX = Math.ceil(COVER_MAX_BYTES / 3) * 4 + 4;

/**
 * The image as base64 (`data`: H5, to the local host), or a file the mini-program put in cloud
 * storage itself (`file`: its fileID, since a cloud function call cannot carry 1 MB): exactly
 * one of them.
 */
export const uploadInput = z
  .object({
    community: ids.community,
    data: z
      .string()
      .min(8)
      .max(BASE64_MAX)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/)
      .optional(),
    file: z
      .string()
      .max(300)
      .regex(/^cloud:\/\/[A-Za-z0-9._\-/]{1,280}$/)
      .optional(),
  })
  .strict()
  .refine((input) => (input.data === undefined) !== (input.file === undefined), {
    message: '请上传一张图片',
    path: ['data'],
  });
