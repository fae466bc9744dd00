import { saveCsv } from './save-csv';

// jsdom's Blob has no bytes() or text() (and decoding text drops the BOM): read its bytes.
const bytesOf = (blob: Blob) =>
  new Promise<number[]>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer)]);
    reader.readAsArrayBuffer(blob);
  });

describe('CSV in the browser', () => {
  it('downloads the CSV (one BOM) through a temporary link and says so', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:csv';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const file = { filename: '签到表-2026-11-30-本周活动.csv', csv: '活动,姓名\r\n' };
    await expect(saveCsv(file, { sheet: '签到表' })).resolves.toBe(
      '已下载 签到表-2026-11-30-本周活动.csv',
    );
    expect(click).toHaveBeenCalledTimes(1);
    expect(document.querySelector('a[download]')).toBeNull();
    // One BOM (EF BB BF), then 活 (E6 B4 BB).
    expect((await bytesOf(blobs[0]!)).slice(0, 6)).toEqual([0xef, 0xbb, 0xbf, 0xe6, 0xb4, 0xbb]);
    click.mockRestore();
  });
});
