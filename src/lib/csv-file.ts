/**
 * What save-csv.ts (H5) and save-csv.weapp.ts (mini-program) share: the file the server sends,
 * the staff-facing name of the sheet, and the BOM rule.
 */

/** A CSV as the server sends it (the notice desk's attendance sheet, the evening report). */
export interface CsvFile {
  filename: string;
  csv: string;
}

/** How staff call the sheet in messages, e.g. 签到表 or 报表. */
export interface CsvWording {
  sheet: string;
}

const BOM = '\uFEFF';

/** The server's CSV already starts with a BOM (Excel needs it for Chinese); never add a second. */
export function withBom(csv: string): string {
  return csv.startsWith(BOM) ? csv : `${BOM}${csv}`;
}
