import * as React from 'react';

/** The current time, refreshed every `intervalMs` while `active`; clocks in the UI derive from it. */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
