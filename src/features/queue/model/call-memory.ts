/**
 * What every resident page's call watch shares, for as long as the app runs (one page or
 * another is always mounted): my tickets as the last page that knew them saw them, and which
 * calls I have acknowledged or "almost your turn" warnings I have felt. So 我知道了 on one page
 * holds on the next, and a page that loads nothing (a notice, a booking form) still knows which
 * numbers to watch. Cleared when the last watch unmounts and none follows (a test's cleanup); a
 * reLaunch, which mounts the next page at once, keeps it.
 */
import type { Ticket } from '@/types/contract';

type Listener = () => void;

let known: Ticket[] | null = null;
let asked = false;
const acknowledged = new Set<string>();
const felt = new Set<string>();
const listeners = new Set<Listener>();
let watches = 0;
let version = 0;

const notify = () => {
  version += 1;
  for (const l of [...listeners]) l();
};

/** A call is one ticket called at one time: a recall (new calledAt) is a new call. */
export const callKey = (t: Pick<Ticket, 'id' | 'calledAt'>) => `${t.id}@${t.calledAt ?? ''}`;

/** My tickets tonight as a page that loads them knows them now. */
export function rememberTickets(tickets: Ticket[]): void {
  if (known === tickets) return;
  known = tickets;
  notify();
}

export function knownTickets(): Ticket[] | null {
  return known;
}

/**
 * When no page has told the watch my tickets yet (the app opened straight on a notice or a booking
 * form from a shared link), asks `load` once for the whole app run, so that page calls me too.
 * A page that knows them better meanwhile wins; a failed load is asked again by the next page.
 */
export function recallTicketsOnce(load: () => Promise<Ticket[]>): void {
  if (known !== null || asked) return;
  asked = true;
  Promise.resolve()
    .then(load)
    .then(
      (tickets) => {
        if (known === null && watches > 0 && Array.isArray(tickets)) rememberTickets(tickets);
      },
      () => {
        asked = false;
      },
    );
}

export function isAcknowledged(key: string): boolean {
  return acknowledged.has(key);
}

export function acknowledge(key: string): void {
  acknowledged.add(key);
  notify();
}

/** A fresh "your turn" alert calls again, even a call already acknowledged. */
export function callAgain(key: string): void {
  if (acknowledged.delete(key)) notify();
}

/** True the first time only: the near warning is felt once per ticket. */
export function feelOnce(ticketId: string): boolean {
  if (felt.has(ticketId)) return false;
  felt.add(ticketId);
  return true;
}

/** Changes with every change above: a snapshot for useSyncExternalStore. */
export function callMemoryVersion(): number {
  return version;
}

/** For useSyncExternalStore: any change above. */
export function subscribeCallMemory(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * A call watch mounted; the returned function unmounts it. The last one clears the memory once
 * the current work is done, unless a watch mounted meanwhile: a reLaunch (回到今晚服务 on the
 * ticket page) unmounts every page and mounts the next in one go, and 我知道了 must hold there.
 */
export function attachWatch(): () => void {
  watches += 1;
  let detached = false;
  return () => {
    if (detached) return;
    detached = true;
    watches -= 1;
    if (watches > 0) return;
    // A promise, not queueMicrotask: test doubles of the timers leave promises alone.
    void Promise.resolve().then(() => {
      if (watches > 0) return;
      known = null;
      asked = false;
      acknowledged.clear();
      felt.clear();
    });
  };
}
