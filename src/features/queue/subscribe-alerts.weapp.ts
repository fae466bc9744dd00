/**
 * WeChat one-time subscription messages: each join tap may ask for up to three templates. The
 * ids come from the build environment; without any, nothing is asked. Declining, or any failure,
 * never stops the resident from taking a number.
 */
import Taro from '@tarojs/taro';

export function alertTemplateIds(): string[] {
  return [
    process.env.TARO_APP_TMPL_QUEUE_THREE_AHEAD,
    process.env.TARO_APP_TMPL_QUEUE_YOUR_TURN,
    process.env.TARO_APP_TMPL_FOLLOW_UP,
  ].filter((id): id is string => typeof id === 'string' && id.trim() !== '');
}

/** Must run inside the tap handler (WeChat only shows the dialog after a user tap). */
export async function requestQueueAlerts(): Promise<void> {
  const tmplIds = alertTemplateIds();
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // declined or unsupported: the ticket page still follows the line live
  }
}
