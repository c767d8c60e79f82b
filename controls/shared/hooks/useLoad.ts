import * as React from 'react';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown };

export interface Load<T> {
  state: LoadState<T>;
  /** Asks again for the same key (after an error). */
  reload: () => void;
}

/**
 * Loads what a key names (a patient card, an organisation's hours, reference lists): runs `load` whenever `key`
 * changes, aborting the previous run, so a late answer for an old key is never shown. `key === null`: nothing.
 */
export function useLoad<T>(key: string | null, load: (key: string, signal: AbortSignal) => Promise<T>): Load<T> {
  const [state, setState] = React.useState<LoadState<T>>({ status: 'idle' });
  const [attempt, setAttempt] = React.useState(0);
  const latest = React.useRef(load);
  latest.current = load;
  React.useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    latest.current(key, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

/** The data of a state, when it has some. */
export function loaded<T>(state: LoadState<T>): T | undefined {
  return state.status === 'success' ? state.data : undefined;
}
