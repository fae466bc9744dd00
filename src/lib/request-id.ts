/**
 * Client-made idempotency keys (/^[A-Za-z0-9_-]{8,64}$/): one per user action, reused when that
 * action is retried, so a join that reached the server before the network failed is not doubled.
 * Math.random is enough here: the key only has to be unique per caller, not secret, and
 * mini-program engines do not all have crypto.getRandomValues.
 */
export function newRequestId(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${Date.now().toString(36)}-${random()}${random()}`;
}
