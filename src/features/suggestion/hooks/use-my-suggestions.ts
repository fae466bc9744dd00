import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Remote } from '@/hooks/use-remote';
import type { Suggestion } from '@/types/contract';
import { useMySuggestions } from '../api/suggestions';

export interface MySuggestionsState {
  remote: Remote<Suggestion[]>;
  /** My suggestions with what an action answered applied, until the next load. */
  suggestions: Suggestion[] | null;
  /** Puts a suggestion an action answered with in place. */
  apply: (suggestion: Suggestion) => void;
}

export function useMySuggestionList(): MySuggestionsState {
  const remote = useMySuggestions();
  const { data } = remote;
  const [overrides, setOverrides] = useState<Record<string, Suggestion>>({});

  // A fresh answer is newer than anything applied before it.
  useEffect(() => setOverrides({}), [data]);

  const suggestions = useMemo(
    () => (data ? data.map((s) => overrides[s.id] ?? s) : null),
    [data, overrides],
  );
  const apply = useCallback((suggestion: Suggestion) => {
    setOverrides((o) => ({ ...o, [suggestion.id]: suggestion }));
  }, []);

  return { remote, suggestions, apply };
}
