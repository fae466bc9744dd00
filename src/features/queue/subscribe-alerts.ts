/**
 * Asking for permission to send the "3 ahead" / "your turn" notices. In H5 the notices arrive
 * over the open page's live feed, so there is nothing to ask (subscribe-alerts.weapp.ts asks
 * WeChat).
 */
export async function requestQueueAlerts(): Promise<void> {
  // nothing to do in H5
}
