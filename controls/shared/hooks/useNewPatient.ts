import * as React from 'react';

/**
 * Calls `onNewPatient` when the form is now for another patient than before — not on mount, and not when the bound
 * patient column goes empty and comes back with the same patient (a host re-sending columns must not wipe what the
 * operator typed).
 */
export function useNewPatient(patientId: string | null, onNewPatient: () => void): void {
  const last = React.useRef(patientId);
  const latest = React.useRef(onNewPatient);
  latest.current = onNewPatient;
  React.useEffect(() => {
    if (patientId === null || patientId === last.current) return;
    const before = last.current;
    last.current = patientId;
    if (before !== null) latest.current();
  }, [patientId]);
}
