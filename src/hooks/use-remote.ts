import { useCallback, useEffect, useRef, useState } from 'react';

/** What a page needs to show one remote resource: data, the last error, and a way to reload. */
export interface Remote<T> {
  /** The last good data for the current key; kept while a reload runs or fails. */
  data: T | null;
  /** The error of the last attempt, or null when it succeeded. */
  error: unknown;
  loading: boolean;
  /** Loads again; resolves to the error, or null on success. */
  reload: () => Promise<unknown>;
}

interface State<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

export interface RemoteOptions {
  /** Reload every `pollMs` milliseconds while mounted (the TV board). */
  pollMs?: number;
}

/**
 * Loads `fetcher(key)` whenever `key` changes (null: nothing to load). Answers to superseded
 * requests are dropped, so a slow old response never overwrites a newer one.
 */
export function useRemote<T>(
  key: string | null,
  fetcher: (key: string) => Promise<T>,
  options: RemoteOptions = {},
): Remote<T> {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: key !== null });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const seq = useRef(0);

  const load = useCallback(async (): Promise<unknown> => {
    if (key === null) return null;
    const id = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await fetcherRef.current(key);
      if (id === seq.current) setState({ data, error: null, loading: false });
      return null;
    } catch (error: unknown) {
      if (id === seq.current) setState((s) => ({ data: s.data, error, loading: false }));
      return error;
    }
  }, [key]);

  useEffect(() => {
    setState({ data: null, error: null, loading: key !== null });
    void load();
    return () => {
      seq.current += 1; // drop answers for the old key (or after unmount)
    };
  }, [key, load]);

  const { pollMs } = options;
  useEffect(() => {
    if (!pollMs || key === null) return undefined;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [key, load, pollMs]);

  return { ...state, reload: load };
}
