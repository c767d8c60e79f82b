import * as React from 'react';

/**
 * Keeps something mounted a while after it closes, with the last value it had open. For a Fluent Dialog mounted only
 * while asking: unmounted while still open, it leaves `aria-hidden` on the rest of the page (seen in Chromium with
 * 9.46), so it is first closed (`open` false, the modal lets the page go), then unmounted after `ms`.
 */
export function usePresence<T>(value: T | null, ms = 400): { mounted: boolean; open: boolean; last: T | null } {
  const last = React.useRef<T | null>(value);
  if (value !== null) last.current = value;
  const wasOpen = React.useRef(value !== null);
  // The render that closes must keep it mounted too (the effect below only runs after it).
  const justClosed = wasOpen.current && value === null;
  const [lingering, setLingering] = React.useState(false);
  React.useEffect(() => {
    const open = value !== null;
    const closing = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closing) {
      if (open) setLingering(false);
      return undefined;
    }
    setLingering(true);
    const timer = setTimeout(() => setLingering(false), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  const mounted = value !== null || justClosed || lingering;
  return { mounted, open: value !== null, last: value ?? (mounted ? last.current : null) };
}
