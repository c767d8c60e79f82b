import * as React from 'react';
import { newCorrelationId } from '../api/client';

/** The client key of a content: the same until the content changes or is sent, so a retry is the same request. */
export type KeyOf = (content: unknown) => string;

export interface ConfirmedSend<T> {
  /** The checked request waiting for ОК in the confirmation dialog. */
  confirming: T | null;
  /** Opens the confirmation for a checked request. */
  ask: (request: T) => void;
  confirm: () => void;
  cancel: () => void;
  sending: boolean;
  error: unknown;
  /** Sends the last confirmed request again, with its client key. */
  retry: () => void;
  dismissError: () => void;
  /** A new request starts: the pending one and its key are forgotten. */
  reset: () => void;
}

export interface ConfirmedSendHandlers<T, R> {
  onSent: (result: R, request: T) => void;
  /** Answers true when it dealt with the failure itself (no error bar). */
  onError?: (error: unknown) => boolean | void;
}

/**
 * Ask → ОК → send, once per confirmed content: `run` gets `keyOf`, which keeps one idempotency key per content, so
 * a retry after a timeout cannot make a second request. Answers after unmount are dropped.
 */
export function useConfirmedSend<T, R>(run: (request: T, keyOf: KeyOf) => Promise<R>, handlers: ConfirmedSendHandlers<T, R>): ConfirmedSend<T> {
  const [confirming, setConfirming] = React.useState<T | null>(null);
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const pending = React.useRef<T | null>(null);
  const lastKey = React.useRef<{ content: string; clientKey: string } | null>(null);
  const latest = React.useRef({ run, handlers });
  latest.current = { run, handlers };
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const keyOf = React.useCallback<KeyOf>((content) => {
    const text = JSON.stringify(content);
    if (lastKey.current?.content !== text) lastKey.current = { content: text, clientKey: newCorrelationId() };
    return lastKey.current.clientKey;
  }, []);

  const send = React.useCallback(
    (request: T) => {
      setSending(true);
      setError(null);
      latest.current.run(request, keyOf).then(
        (result) => {
          if (!mounted.current) return;
          lastKey.current = null;
          setSending(false);
          setConfirming(null);
          latest.current.handlers.onSent(result, request);
        },
        (failure: unknown) => {
          if (!mounted.current) return;
          setSending(false);
          setConfirming(null);
          if (latest.current.handlers.onError?.(failure) !== true) setError(failure);
        },
      );
    },
    [keyOf],
  );

  const confirm = React.useCallback(() => {
    if (confirming === null || sending) return;
    pending.current = confirming;
    send(confirming);
  }, [confirming, sending, send]);

  return {
    confirming,
    ask: React.useCallback((request: T) => {
      setError(null);
      setConfirming(request);
    }, []),
    confirm,
    cancel: React.useCallback(() => {
      if (!sending) setConfirming(null);
    }, [sending]),
    sending,
    error,
    retry: React.useCallback(() => {
      if (pending.current !== null && !sending) send(pending.current);
    }, [sending, send]),
    dismissError: React.useCallback(() => setError(null), []),
    reset: React.useCallback(() => {
      lastKey.current = null;
      pending.current = null;
      setError(null);
    }, []),
  };
}

/** What a form's state says of its submit, the same in every form (the view's confirmation dialog and error bar). */
export interface SubmitState<T> {
  submit: () => void;
  confirming: T | null;
  confirm: () => void;
  cancel: () => void;
  sending: boolean;
  submitError: unknown;
  retrySubmit: () => void;
  dismissError: () => void;
}

export function submitState<T>(flow: ConfirmedSend<T>, submit: () => void): SubmitState<T> {
  return {
    submit,
    confirming: flow.confirming,
    confirm: flow.confirm,
    cancel: flow.cancel,
    sending: flow.sending,
    submitError: flow.error,
    retrySubmit: flow.retry,
    dismissError: flow.dismissError,
  };
}
