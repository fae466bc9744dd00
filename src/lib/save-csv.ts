/**
 * Saves a CSV in the browser (H5): a Blob downloaded through a temporary link.
 * save-csv.weapp.ts is the mini-program twin (a file in user data, shared to a chat).
 */
import type { CsvFile, CsvWording } from './csv-file';
import { withBom } from './csv-file';

export type { CsvFile, CsvWording } from './csv-file';

/** Starts the download; resolves to what to tell staff, or null for nothing. */
export async function saveCsv(
  { filename, csv }: CsvFile,
  _wording: CsvWording,
): Promise<string | null> {
  const blob = new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: let it live a little.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `已下载 ${filename}`;
}
