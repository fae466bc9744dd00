import type { MediaStore } from '../core/ports';

/**
 * Images kept in memory: the MediaStore contract without a disk or a cloud. References are
 * "/media/<n>.<ext>" (a new one per put, as the real stores' random names), and url() prefixes
 * `urlBase`.
 */
export function memoryMedia(urlBase = '') {
  const files = new Map<string, Uint8Array>();
  let made = 0;
  const media: MediaStore = {
    put: async (_community, bytes, ext) => {
      const ref = `/media/${(made += 1).toString(16).padStart(16, '0')}.${ext}`;
      files.set(ref, bytes);
      return ref;
    },
    read: async (ref) => files.get(ref) ?? null,
    url: async (ref) => `${urlBase}${ref}`,
    remove: async (ref) => {
      files.delete(ref);
    },
    // Creates or overwrites, as cloud storage's upload to a path does.
    replace: async (ref, bytes) => {
      files.set(ref, bytes);
    },
  };
  return { media, files };
}
