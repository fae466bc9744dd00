/**
 * The cloud host's MediaStore: notice cover images in the environment's cloud storage. A stored
 * image is referred to by its fileID ("cloud://<env>.<bucket>/notice-covers/<community>/<name>"),
 * which the weapp <Image> shows directly, so url() is the reference itself.
 */
import { randomBytes } from 'node:crypto';
import type { MediaStore } from '../../core/ports';

/**
 * The slice of wx-server-sdk's storage API this store uses (`cloud.uploadFile`, `downloadFile`,
 * `deleteFile`).
 */
export interface CloudStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: unknown }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: unknown }>;
  deleteFile(options: {
    fileList: string[];
  }): Promise<{ fileList?: Array<{ fileID?: unknown; status?: unknown; errMsg?: unknown }> }>;
}

/** The folder every cover goes to, one subfolder per community. */
export const COVER_FOLDER = 'notice-covers';

/** The image types the core accepts (core/notice/image.ts). */
const EXTENSIONS: ReadonlySet<string> = new Set(['jpg', 'png', 'webp']);

export interface CloudMediaOptions {
  log?: Pick<Console, 'warn'>;
}

export function createCloudMedia(
  storage: CloudStorage,
  options: CloudMediaOptions = {},
): MediaStore {
  const log = options.log ?? console;
  return {
    async put(community, bytes, ext) {
      if (!EXTENSIONS.has(ext)) throw new Error(`Unsupported cover type: ${ext}`);
      // Random, not content-addressed: an upload never overwrites a cover a notice already shows.
      const cloudPath = `${COVER_FOLDER}/${community}/${randomBytes(12).toString('hex')}.${ext}`;
      const { fileID } = await storage.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      if (typeof fileID !== 'string' || !fileID.startsWith('cloud://')) {
        throw new Error(`uploadFile returned no fileID for ${cloudPath}`);
      }
      return fileID;
    },
    /** Only cloud fileIDs are ours; anything failing (missing file, permissions) reads as none. */
    async read(ref) {
      if (!ref.startsWith('cloud://')) return null;
      try {
        const { fileContent } = await storage.downloadFile({ fileID: ref });
        return Buffer.isBuffer(fileContent) ? new Uint8Array(fileContent) : null;
      } catch (error) {
        log.warn(`[bdb] cover ${ref} could not be read:`, error);
        return null;
      }
    },
    url: async (ref) => ref,
    /** Uploading to the same cloudPath overwrites the file and keeps its fileID. */
    async replace(ref, bytes) {
      const cloudPath = /^cloud:\/\/[^/]+\/(.+)$/.exec(ref)?.[1];
      if (!cloudPath) throw new Error(`Not a cloud fileID: ${ref}`);
      const { fileID } = await storage.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      if (fileID !== ref) throw new Error(`uploadFile replaced ${ref} as ${String(fileID)}`);
    },
    /**
     * Deletes the cloud file (erase). Only cloud fileIDs are ours; a failure the SDK reports per
     * file (already gone) is logged, a rejected call is thrown so the erase is seen to fail.
     */
    async remove(ref) {
      if (!ref.startsWith('cloud://')) return;
      const { fileList } = await storage.deleteFile({ fileList: [ref] });
      const result = fileList?.[0];
      if (result && result.status !== 0) {
        log.warn(`[bdb] ${ref} could not be deleted:`, result.errMsg);
      }
    },
  };
}
