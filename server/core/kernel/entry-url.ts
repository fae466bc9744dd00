/**
 * The resident entry URL a QR code opens: the tonight page with the community (and queue) scene,
 * under the public address residents' phones reach (PUBLIC_URL). The local host's QR posters and
 * the mini-program's 本周海报 encode the same URL.
 */
export const entryUrl = (base: string, community: string, queue?: string) => {
  const query = new URLSearchParams({ c: community });
  if (queue) query.set('q', queue);
  return `${base.replace(/\/$/, '')}/#/pages/tonight/index?${query.toString()}`;
};
