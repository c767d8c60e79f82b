import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { dispatchPush, retryDelayMs, type PushHandlers, type RealtimeConnection, type RealtimeState } from './realtimeConnection';
import { useRealtime } from './useRealtime';

const CALL_TAKEN = { telephonyCallId: 'tc-1', operatorId: 'op-2' };

describe('retryDelayMs', () => {
  it('retries at once, then doubles up to the cap, never giving up', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => retryDelayMs(n, {}, middle))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('spreads retries by the jitter', () => {
    expect(retryDelayMs(3, { jitter: 0.2 }, () => 0)).toBe(3200);
    expect(retryDelayMs(3, { jitter: 0.2 }, () => 1)).toBe(4800);
  });
});

describe('dispatchPush', () => {
  it('hands the checked value to every subscriber of the target, even when one throws', () => {
    const seen: string[] = [];
    const subscribers: Array<Partial<PushHandlers>> = [
      { callTaken: () => { throw new Error('boom'); } },
      { callTaken: (t) => seen.push(t.operatorId) },
      { announcement: () => seen.push('wrong target') },
    ];
    expect(dispatchPush(subscribers, 'callTaken', CALL_TAKEN)).toBe(true);
    expect(seen).toEqual(['op-2']);
  });

  it('drops a push that breaks the contract', () => {
    const handler = jest.fn();
    expect(dispatchPush([{ callTaken: handler }], 'callTaken', { telephonyCallId: 'tc-1' })).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });
});

function fakeConnection() {
  let state: RealtimeState = { status: 'connecting', epoch: 0 };
  const watchers = new Set<(s: RealtimeState) => void>();
  const connected = new Set<() => void>();
  const subscribers = new Set<Partial<PushHandlers>>();
  const connection: RealtimeConnection & { users: number } = {
    users: 0,
    get state() {
      return state;
    },
    invalidPushes: 0,
    subscribe: (h) => {
      subscribers.add(h);
      return () => subscribers.delete(h);
    },
    watch: (w) => {
      watchers.add(w);
      return () => watchers.delete(w);
    },
    onConnected: (l) => {
      connected.add(l);
      return () => connected.delete(l);
    },
    retain: () => void connection.users++,
    release: () => void connection.users--,
  };
  const emit = (next: RealtimeState) => {
    state = next;
    watchers.forEach((w) => w(next));
    if (next.status === 'connected') connected.forEach((l) => l());
  };
  return { connection, emit, subscribers };
}

function Indicator({ connection, onConnected }: { connection: RealtimeConnection; onConnected: () => void }): JSX.Element {
  const realtime = useRealtime(null, { connection, onConnected });
  const [taken, setTaken] = React.useState('');
  React.useEffect(() => realtime.subscribe({ callTaken: (t) => setTaken(t.operatorId) }), [realtime.subscribe]);
  return (
    <p data-testid="rt">
      {realtime.status} {realtime.epoch} {taken}
    </p>
  );
}

describe('useRealtime', () => {
  it('retains the shared connection while mounted, shows its status and calls onConnected at each (re)connect', () => {
    const { connection, emit, subscribers } = fakeConnection();
    const onConnected = jest.fn();
    const view = render(<Indicator connection={connection} onConnected={onConnected} />);
    expect(connection.users).toBe(1);
    expect(screen.getByTestId('rt')).toHaveTextContent('connecting 0');
    act(() => emit({ status: 'connected', epoch: 1 }));
    expect(screen.getByTestId('rt')).toHaveTextContent('connected 1');
    act(() => emit({ status: 'reconnecting', epoch: 1 }));
    act(() => emit({ status: 'connected', epoch: 2 }));
    expect(onConnected).toHaveBeenCalledTimes(2);
    act(() => {
      dispatchPush(subscribers, 'callTaken', CALL_TAKEN);
    });
    expect(screen.getByTestId('rt')).toHaveTextContent('connected 2 op-2');
    view.unmount();
    expect(connection.users).toBe(0);
    expect(subscribers.size).toBe(0);
  });

  it('stays disconnected without a client', () => {
    function NoClient(): JSX.Element {
      const realtime = useRealtime(null);
      return <p data-testid="rt">{realtime.status}</p>;
    }
    render(<NoClient />);
    expect(screen.getByTestId('rt')).toHaveTextContent('disconnected');
  });
});
