import fs from 'node:fs';
import path from 'node:path';
import type { ContentChecker } from '../../core/ports';

/**
 * The local host's content check: a word list the service center keeps in
 * DATA_DIR/blocked-words.txt (one word or phrase per line, # for comments), read on every check
 * so an edit takes effect without a restart. Production uses WeChat's msgSecCheck instead; this
 * is the pluggable stand-in the same port accepts.
 */
export function wordListChecker(dataDir: string): ContentChecker {
  const file = path.join(dataDir, 'blocked-words.txt');
  return {
    check: async (text) => {
      let words: string[] = [];
      try {
        words = (await fs.promises.readFile(file, 'utf8'))
          .split(/\r?\n/)
          .map((w) => w.trim())
          .filter((w) => w && !w.startsWith('#'));
      } catch {
        return 'pass';
      }
      const normalised = text.replace(/\s+/g, '');
      return words.some((w) => normalised.includes(w)) ? 'block' : 'pass';
    },
  };
}
