import QRCode from 'qrcode';

export { entryUrl } from '../../core/kernel/entry-url';

/** A large PNG with a quiet zone, sharp when printed at A4. */
export const qrPng = (url: string) =>
  QRCode.toBuffer(url, { type: 'png', width: 720, margin: 4, errorCorrectionLevel: 'M' });

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A printable A4 poster around the QR image, for the service center's door and desks. */
export function posterHtml(
  communityName: string,
  hours: string,
  queueName: string | undefined,
  url: string,
  requestUrl: string,
): string {
  const png = requestUrl.replace(/^\/qr\/([^?]+?)(\?|$)/, '/qr/$1.png$2');
  const title = queueName ? `${queueName} · 扫码取号` : '扫码查看今晚服务';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(communityName)} · 八点伴二维码</title>
<style>
  @page { size: A4; margin: 16mm; }
  body { font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #111; text-align: center; margin: 0; padding: 24px; line-height: 1.4; }
  h1 { font-size: 40px; margin: 8px 0; } h2 { font-size: 30px; margin: 8px 0 16px; font-weight: 600; }
  img { width: min(80vw, 520px); height: auto; } p { font-size: 22px; } .url { font-size: 16px; word-break: break-all; color: #333; }
</style></head>
<body>
  <h1>八点伴 · ${escapeHtml(communityName)}</h1>
  <h2>${escapeHtml(title)}</h2>
  <img src="${escapeHtml(png)}" alt="${escapeHtml(communityName)}二维码">
  <p>${escapeHtml(hours)}，社区为您多留一盏灯</p>
  <p class="url">${escapeHtml(url)}</p>
</body></html>`;
}
