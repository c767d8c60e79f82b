import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { usePresence } from './usePresence';

const mounts: string[] = [];

function Child({ text }: { text: string }) {
  React.useEffect(() => {
    mounts.push('mount');
    return () => void mounts.push('unmount');
  }, []);
  return <span data-testid="p">{text}</span>;
}

function Probe({ value }: { value: string | null }) {
  const p = usePresence(value, 50);
  return p.mounted ? <Child text={`${p.open ? 'open' : 'closing'}:${p.last}`} /> : <span data-testid="p">gone</span>;
}

describe('usePresence', () => {
  it('stays mounted, closed, with the last value for a while after closing', async () => {
    const { rerender } = render(<Probe value={null} />);
    expect(screen.getByTestId('p')).toHaveTextContent('gone');
    rerender(<Probe value="a" />);
    expect(screen.getByTestId('p')).toHaveTextContent('open:a');
    rerender(<Probe value={null} />);
    expect(screen.getByTestId('p')).toHaveTextContent('closing:a');
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(screen.getByTestId('p')).toHaveTextContent('gone');
    // mounted once, unmounted once: never dropped and remounted on the closing render
    expect(mounts).toEqual(['mount', 'unmount']);
  });
});
