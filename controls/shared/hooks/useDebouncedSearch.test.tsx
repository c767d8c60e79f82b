import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { useDebouncedSearch, type DebouncedSearchState } from './useDebouncedSearch';

interface Deferred {
  query: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

function setup(delayMs = 300) {
  const calls: Deferred[] = [];
  const search = jest.fn(
    (query: string, signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ query, signal, resolve, reject });
      }),
  );
  let state: DebouncedSearchState<string> | undefined;
  function Probe({ query }: { query: string | null }) {
    state = useDebouncedSearch(query, search, { delayMs });
    return (
      <div>
        <span data-testid="status">{state.status}</span>
        <span data-testid="data">{state.data ?? ''}</span>
      </div>
    );
  }
  const view = render(<Probe query={null} />);
  const type = (query: string | null) => view.rerender(<Probe query={query} />);
  return { calls, search, type, view, state: () => state! };
}

/** Lets resolved promises run their `then` callbacks inside act. */
async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('useDebouncedSearch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits for a pause in typing and asks once for the last text', () => {
    const { calls, type } = setup();
    type('Ив');
    act(() => void jest.advanceTimersByTime(200));
    type('Ива');
    act(() => void jest.advanceTimersByTime(200));
    type('Иван');
    expect(calls).toHaveLength(0);
    expect(screen.getByTestId('status')).toHaveTextContent('waiting');
    act(() => void jest.advanceTimersByTime(300));
    expect(calls.map((c) => c.query)).toEqual(['Иван']);
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
  });

  it('an older answer that arrives after a newer one never overwrites it', async () => {
    const { calls, type } = setup();
    type('Петров');
    act(() => void jest.advanceTimersByTime(300));
    type('Петрова');
    act(() => void jest.advanceTimersByTime(300));
    expect(calls.map((c) => c.query)).toEqual(['Петров', 'Петрова']);
    // the first request was aborted when the second started
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);

    calls[1]!.resolve('result for Петрова');
    await flush();
    expect(screen.getByTestId('data')).toHaveTextContent('result for Петрова');

    // a server that ignored the abort answers late: dropped
    calls[0]!.resolve('result for Петров');
    await flush();
    expect(screen.getByTestId('data')).toHaveTextContent('result for Петрова');
    expect(screen.getByTestId('status')).toHaveTextContent('success');
  });

  it('keeps the previous list while the next query loads, and drops a late error of an old query', async () => {
    const { calls, type } = setup();
    type('Сидоров');
    act(() => void jest.advanceTimersByTime(300));
    calls[0]!.resolve('first');
    await flush();
    type('Сидорова');
    act(() => void jest.advanceTimersByTime(300));
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    expect(screen.getByTestId('data')).toHaveTextContent('first');
    type('Сидоровой');
    act(() => void jest.advanceTimersByTime(300));
    calls[1]!.reject(new Error('late failure'));
    await flush();
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    calls[2]!.resolve('third');
    await flush();
    expect(screen.getByTestId('data')).toHaveTextContent('third');
  });

  it('reports an error of the latest query, and retry asks again at once', async () => {
    const { calls, type, state } = setup();
    type('Козлов');
    act(() => void jest.advanceTimersByTime(300));
    calls[0]!.reject(new Error('mis_unavailable'));
    await flush();
    expect(screen.getByTestId('status')).toHaveTextContent('error');
    expect((state().error as Error).message).toBe('mis_unavailable');
    act(() => state().retry());
    act(() => void jest.advanceTimersByTime(0));
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('ok');
    await flush();
    expect(screen.getByTestId('data')).toHaveTextContent('ok');
  });

  it('clears the result and aborts the request when the query becomes empty', async () => {
    const { calls, type } = setup();
    type('Орлов');
    act(() => void jest.advanceTimersByTime(300));
    type(null);
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.resolve('stale');
    await flush();
    expect(screen.getByTestId('status')).toHaveTextContent('idle');
    expect(screen.getByTestId('data')).toHaveTextContent('');
  });

  it('does not search again when the query key does not change', () => {
    const { calls, type } = setup();
    type('Орлов');
    act(() => void jest.advanceTimersByTime(300));
    type('Орлов');
    act(() => void jest.advanceTimersByTime(300));
    expect(calls).toHaveLength(1);
  });

  it('aborts the request in flight on unmount', () => {
    const { calls, type, view } = setup();
    type('Орлов');
    act(() => void jest.advanceTimersByTime(300));
    view.unmount();
    expect(calls[0]!.signal.aborted).toBe(true);
  });
});
