const BOM = '\uFEFF';

/** The server's CSV already starts with a BOM (Excel needs it for Chinese); never add a second. */
export function withBom(csv: string): string {
  return csv.startsWith(BOM) ? csv : `${BOM}${csv}`;
}
