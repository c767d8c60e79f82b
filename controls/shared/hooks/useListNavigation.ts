import * as React from 'react';

export interface ListNavigation {
  /** The highlighted item (-1 when the list is empty). */
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  /** Put on the focusable list element: arrows, Home/End move; Enter (and Space) choose. */
  onKeyDown: (event: React.KeyboardEvent) => void;
}

/**
 * Keyboard navigation of a single-choice list kept as `aria-activedescendant` (focus stays on the list element).
 * The highlight resets to the first item when the items change (`resetKey`), so a new result list starts at the top.
 */
export function useListNavigation(count: number, onChoose: (index: number) => void, resetKey?: unknown): ListNavigation {
  const [activeIndex, setActive] = React.useState(count > 0 ? 0 : -1);
  React.useEffect(() => {
    setActive(count > 0 ? 0 : -1);
  }, [count, resetKey]);

  const setActiveIndex = React.useCallback(
    (index: number) => setActive(count === 0 ? -1 : Math.max(0, Math.min(count - 1, index))),
    [count],
  );

  const onKeyDown = React.useCallback(
    (event: React.KeyboardEvent) => {
      if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      const current = activeIndex < 0 ? 0 : activeIndex;
      let next: number | null = null;
      switch (event.key) {
        case 'ArrowDown':
          next = Math.min(count - 1, activeIndex < 0 ? 0 : current + 1);
          break;
        case 'ArrowUp':
          next = Math.max(0, current - 1);
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = count - 1;
          break;
        case 'PageDown':
          next = Math.min(count - 1, current + 5);
          break;
        case 'PageUp':
          next = Math.max(0, current - 5);
          break;
        case 'Enter':
        case ' ':
          event.preventDefault();
          onChoose(current);
          return;
        default:
          return;
      }
      event.preventDefault();
      setActive(next);
    },
    [activeIndex, count, onChoose],
  );

  return { activeIndex: count === 0 ? -1 : Math.min(activeIndex, count - 1), setActiveIndex, onKeyDown };
}
