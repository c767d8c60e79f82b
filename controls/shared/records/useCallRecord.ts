import * as React from 'react';
import type { CallRecords, CallRecordTable, Columns } from './callRecords';

export type CallRecordState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; id: string }
  | { status: 'error'; error: unknown };

export interface CallRecord {
  state: CallRecordState;
  /** The row's id once created (it stays known while a later update fails). */
  id: string | null;
  /** Creates the row with these columns; what the request made is already in the MIS, so a failure is retried, never lost. */
  save: (columns: Columns) => void;
  /** Changes columns of the row (the delivery status): written now when the row exists, else with the create. */
  change: (columns: Columns) => void;
  /** After an error: writes what is still missing (the create, or the changes). */
  retry: () => void;
  /** Forgets the row (a new request starts). */
  reset: () => void;
}

/**
 * The CRM row of what a form made, kept in step with what the form knows: one write at a time, the create first,
 * then only the columns that changed since. A failure stops and shows; `retry` writes whatever is still missing.
 */
export function useCallRecord(records: CallRecords, table: CallRecordTable, callRecordId: string | null): CallRecord {
  const [state, setState] = React.useState<CallRecordState>({ status: 'idle' });
  const desired = React.useRef<Columns | null>(null);
  const written = React.useRef<Columns>({});
  const id = React.useRef<string | null>(null);
  const running = React.useRef(false);
  // A reset or an unmount makes the answers of earlier writes count for nothing.
  const generation = React.useRef(0);
  React.useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  const sync = React.useCallback((): void => {
    const want = desired.current;
    if (running.current || want === null) return;
    const run = generation.current;
    const fail = (error: unknown) => {
      if (run !== generation.current) return;
      running.current = false;
      setState({ status: 'error', error });
    };
    if (id.current === null) {
      const snapshot = { ...want };
      running.current = true;
      setState({ status: 'busy' });
      records.create(table, snapshot, callRecordId).then((created) => {
        if (run !== generation.current) return;
        running.current = false;
        id.current = created;
        written.current = snapshot;
        sync();
      }, fail);
      return;
    }
    const changed = Object.keys(want).filter((k) => want[k] !== written.current[k]);
    const rowId = id.current;
    if (changed.length === 0) {
      setState({ status: 'done', id: rowId });
      return;
    }
    const patch = Object.fromEntries(changed.map((k) => [k, want[k]]));
    running.current = true;
    records.update(table, rowId, patch).then(() => {
      if (run !== generation.current) return;
      running.current = false;
      written.current = { ...written.current, ...patch };
      sync();
    }, fail);
  }, [records, table, callRecordId]);

  const save = React.useCallback(
    (columns: Columns) => {
      desired.current = { ...columns };
      sync();
    },
    [sync],
  );
  const change = React.useCallback(
    (columns: Columns) => {
      if (desired.current === null) return;
      desired.current = { ...desired.current, ...columns };
      // While an earlier write fails, the change waits for the operator's retry.
      if (state.status !== 'error') sync();
    },
    [sync, state.status],
  );
  const retry = React.useCallback(() => {
    if (!running.current) sync();
  }, [sync]);
  const reset = React.useCallback(() => {
    generation.current += 1;
    desired.current = null;
    written.current = {};
    id.current = null;
    running.current = false;
    setState({ status: 'idle' });
  }, []);

  return { state, id: id.current, save, change, retry, reset };
}
