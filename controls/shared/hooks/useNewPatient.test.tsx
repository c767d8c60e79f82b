import * as React from 'react';
import { render } from '@testing-library/react';
import { useNewPatient } from './useNewPatient';

function Probe({ patientId, onNewPatient }: { patientId: string | null; onNewPatient: () => void }) {
  useNewPatient(patientId, onNewPatient);
  return null;
}

describe('useNewPatient', () => {
  it('fires for another patient only: not on mount, not for an empty column, not for the same patient again', () => {
    const onNewPatient = jest.fn();
    const { rerender } = render(<Probe patientId="p-1" onNewPatient={onNewPatient} />);
    rerender(<Probe patientId={null} onNewPatient={onNewPatient} />);
    rerender(<Probe patientId="p-1" onNewPatient={onNewPatient} />);
    expect(onNewPatient).not.toHaveBeenCalled();
    rerender(<Probe patientId="p-2" onNewPatient={onNewPatient} />);
    expect(onNewPatient).toHaveBeenCalledTimes(1);
    rerender(<Probe patientId={null} onNewPatient={onNewPatient} />);
    rerender(<Probe patientId="p-3" onNewPatient={onNewPatient} />);
    expect(onNewPatient).toHaveBeenCalledTimes(2);
  });

  it('does not fire when the first patient arrives after mount', () => {
    const onNewPatient = jest.fn();
    const { rerender } = render(<Probe patientId={null} onNewPatient={onNewPatient} />);
    rerender(<Probe patientId="p-1" onNewPatient={onNewPatient} />);
    expect(onNewPatient).not.toHaveBeenCalled();
  });
});
