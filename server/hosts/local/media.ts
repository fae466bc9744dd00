import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaStore } from '../../core/ports';

/**
 * "/media/<64 hex>.<ext>": random, not content-addressed, so each upload is its own file and
 * deleting one (the upload sweep, erase) never takes a photo another suggestion or notice shows.
 */
const REF = /^\/media\/([a-f0-9]{64})\.(jpg|png|webp)$/;

export const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Write then rename, so a reader never sees half a file. */
async function writeAtomically(file: string, bytes: Uint8Array) {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.promises.writeFile(temp, bytes, { mode: 0o600 });
  await fs.promises.rename(temp, file);
}

export type LocalMedia = MediaStore & { fileOf(ref: string): string | null };

/** Cover images as files under DATA_DIR/media, served by the local host at /media/<file>. */
export function localMediaStore(dataDir: string): LocalMedia {
  const dir = path.join(dataDir, 'media');
  const fileOf = (ref: string) => {
    const match = REF.exec(ref);
    return match ? path.join(dir, `${match[1]}.${match[2]}`) : null;
  };
  return {
    fileOf,
    put: async (_community, bytes, ext) => {
      const name = `${randomBytes(32).toString('hex')}.${ext}`;
      await writeAtomically(path.join(dir, name), bytes);
      return `/media/${name}`;
    },
    replace: async (ref, bytes) => {
      const file = fileOf(ref);
      if (!file) throw new Error(`Not a media reference: ${ref}`);
      await writeAtomically(file, bytes);
    },
    read: async (ref) => {
      const file = fileOf(ref);
      if (!file) return null;
      try {
        return new Uint8Array(await fs.promises.readFile(file));
      } catch {
        return null;
      }
    },
    url: async (ref) => ref,
    /** Unlinks the file, so its URL answers 404; a reference not ours or already gone is a no-op. */
    remove: async (ref) => {
      const file = fileOf(ref);
      if (file) await fs.promises.rm(file, { force: true });
    },
  };
}
