import * as React from 'react';
import { fireEvent, render } from '@testing-library/react';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

function Probe({ active, onAnswer, onCancel }: { active: boolean; onAnswer: () => void; onCancel: () => void }) {
  useKeyboardShortcuts(
    [
      { code: 'KeyA', alt: true, run: onAnswer },
      { code: 'KeyO', alt: true, run: onCancel },
    ],
    active,
  );
  return <input aria-label="поле" />;
}

describe('useKeyboardShortcuts', () => {
  it('runs on Alt+key by the physical key (Russian layout too) and consumes the event', () => {
    const onAnswer = jest.fn();
    const onCancel = jest.fn();
    render(<Probe active onAnswer={onAnswer} onCancel={onCancel} />);
    const event = new KeyboardEvent('keydown', { code: 'KeyA', key: 'ф', altKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    fireEvent.keyDown(document.body, { code: 'KeyO', key: 'o', altKey: true });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('ignores the key without Alt, with AltGr (Ctrl+Alt), auto-repeat, and while inactive', () => {
    const onAnswer = jest.fn();
    const view = render(<Probe active onAnswer={onAnswer} onCancel={jest.fn()} />);
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a' });
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a', altKey: true, ctrlKey: true });
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a', altKey: true, repeat: true });
    expect(onAnswer).not.toHaveBeenCalled();
    view.rerender(<Probe active={false} onAnswer={onAnswer} onCancel={jest.fn()} />);
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a', altKey: true });
    expect(onAnswer).not.toHaveBeenCalled();
  });
});
