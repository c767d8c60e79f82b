import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { useLoad, type LoadState } from './useLoad';

function describeState(state: LoadState<string>): string {
  return state.status === 'success' ? `success:${state.data}` : state.status === 'error' ? `error:${String(state.error)}` : state.status;
}

function Probe({ id, load }: { id: string | null; load: (key: string, signal: AbortSignal) => Promise<string> }) {
  const { state, reload } = useLoad(id, load);
  return (
    <div>
      <span data-testid="state">{describeState(state)}</span>
      <button onClick={reload}>reload</button>
    </div>
  );
}

function deferred() {
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('loads for a key, and shows only the latest key when an older answer comes late', async () => {
    const calls: Array<{ key: string; signal: AbortSignal; d: ReturnType<typeof deferred> }> = [];
    const load = (key: string, signal: AbortSignal) => {
      const d = deferred();
      calls.push({ key, signal, d });
      return d.promise;
    };
    const { rerender } = render(<Probe id="a" load={load} />);
    expect(screen.getByTestId('state')).toHaveTextContent('loading');
    rerender(<Probe id="b" load={load} />);
    expect(calls[0]!.signal.aborted).toBe(true);
    await act(async () => {
      calls[1]!.d.resolve('B');
      calls[0]!.d.resolve('A');
      await Promise.resolve();
    });
    expect(screen.getByTestId('state')).toHaveTextContent('success:B');
    rerender(<Probe id={null} load={load} />);
    expect(screen.getByTestId('state')).toHaveTextContent('idle');
  });

  it('reports an error and loads again on reload', async () => {
    let n = 0;
    const load = () => (++n === 1 ? Promise.reject(new Error('down')) : Promise.resolve('ok'));
    render(<Probe id="x" load={load} />);
    expect(await screen.findByText('error:Error: down')).toBeInTheDocument();
    act(() => screen.getByText('reload').click());
    expect(await screen.findByText('success:ok')).toBeInTheDocument();
  });
});
