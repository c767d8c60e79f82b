import * as React from 'react';

export type SearchStatus = 'idle' | 'waiting' | 'loading' | 'success' | 'error';

export interface DebouncedSearchState<R> {
  /** idle: no query; waiting: debouncing; loading: request in flight; success/error: the latest query's answer. */
  status: SearchStatus;
  /** The answer to the latest query (kept while a newer one loads, so the list does not flicker). */
  data: R | undefined;
  error: unknown;
  /** Runs the current query again at once (after an error). */
  retry: () => void;
}

export interface DebouncedSearchOptions<Q> {
  /** Wait after the last change before asking (default 300 ms). */
  delayMs?: number;
  /** Equal keys are the same query: typing that does not change it does not search again. Default JSON.stringify. */
  keyOf?: (query: Q) => string;
}

/**
 * Searches as the user types: waits `delayMs` after the last change, then calls `search` with an AbortSignal.
 * Latest wins: a newer query aborts the older request, and an older answer arriving late is dropped by its sequence
 * number (a server or a mock may ignore the abort). `query === null` means "nothing to search": clears the result.
 */
export function useDebouncedSearch<Q, R>(
  query: Q | null,
  search: (query: Q, signal: AbortSignal) => Promise<R>,
  options: DebouncedSearchOptions<Q> = {},
): DebouncedSearchState<R> {
  const delayMs = options.delayMs ?? 300;
  const keyOf = options.keyOf ?? JSON.stringify;
  const key = query === null ? null : keyOf(query);

  const [state, setState] = React.useState<{ status: SearchStatus; data: R | undefined; error: unknown }>({
    status: 'idle',
    data: undefined,
    error: undefined,
  });
  // The latest search function and query, read when the timer fires (the caller may pass a new closure each render).
  const latest = React.useRef({ search, query });
  latest.current = { search, query };
  const sequence = React.useRef(0);
  const inFlight = React.useRef<AbortController | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  const retrying = React.useRef(false);

  React.useEffect(() => {
    const mine = ++sequence.current;
    inFlight.current?.abort();
    inFlight.current = null;
    if (key === null) {
      setState({ status: 'idle', data: undefined, error: undefined });
      return undefined;
    }
    setState((s) => ({ ...s, status: 'waiting', error: undefined }));
    const run = () => {
      const { search: run, query: q } = latest.current;
      if (q === null) return;
      const controller = new AbortController();
      inFlight.current = controller;
      setState((s) => ({ ...s, status: 'loading' }));
      run(q, controller.signal).then(
        (data) => {
          if (mine === sequence.current) setState({ status: 'success', data, error: undefined });
        },
        (error: unknown) => {
          if (mine === sequence.current && !controller.signal.aborted) setState((s) => ({ ...s, status: 'error', error }));
        },
      );
    };
    // A retry asks at once; typing waits for the pause.
    const timer = setTimeout(run, retrying.current ? 0 : delayMs);
    retrying.current = false;
    return () => {
      clearTimeout(timer);
    };
    // `attempt` re-runs the same key on retry
  }, [key, attempt, delayMs]);

  // Abort whatever is in flight when the component goes away.
  React.useEffect(
    () => () => {
      sequence.current++;
      inFlight.current?.abort();
    },
    [],
  );

  const retry = React.useCallback(() => {
    retrying.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, retry };
}
