import * as React from 'react';

export interface Shortcut {
  /** Physical key (`KeyboardEvent.code`, e.g. `KeyA`): the same key works in the Russian layout (Alt+Ф). */
  code: string;
  alt?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  run: () => void;
}

function matches(event: KeyboardEvent, s: Shortcut): boolean {
  return (
    event.code === s.code &&
    event.altKey === (s.alt ?? false) &&
    event.ctrlKey === (s.ctrl ?? false) &&
    event.shiftKey === (s.shift ?? false) &&
    // AltGr arrives as Ctrl+Alt on Windows and Meta is the OS's: never ours
    !event.metaKey
  );
}

/**
 * Page-wide shortcuts while `active` (e.g. while an incoming call is shown). A matching key press is consumed
 * (default prevented, not passed on), so the browser or the host form does not act on it as well.
 */
export function useKeyboardShortcuts(shortcuts: readonly Shortcut[], active: boolean): void {
  const latest = React.useRef(shortcuts);
  latest.current = shortcuts;
  React.useEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const hit = latest.current.find((s) => matches(event, s));
      if (!hit) return;
      event.preventDefault();
      event.stopPropagation();
      hit.run();
    };
    // capture: before the form's own handlers see the key
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [active]);
}
