import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Doctor, Lang, Slot } from '@eer/contract';
import { TimeCells, type TimeCell } from '../shared/components/TimeCells';
import { roomText, shortName } from './format';

export interface SlotCellsProps {
  slots: readonly Slot[];
  doctorsById: ReadonlyMap<string, Doctor>;
  columns: number;
  lang: Lang;
  disabled: boolean;
  /** The slot whose confirmation is open: its cell is pressed. */
  pendingId: string | null;
  /** Accessible name of the grid, e.g. «Свободное время: пятница, 27 ноября 2026 г.». */
  label: string;
  /** «каб. {0}» */
  roomLabel: string;
  onChoose: (slot: Slot) => void;
}

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  doctor: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The time cells of one day (manual §4.1, fig. 9, step 4) on the shared TimeCells: one grid, or one per doctor under
 * the doctor's name when the zone has several. Every cell says its doctor and room («09:30, Петров П. П., каб. 210»).
 */
export function SlotCells({ slots, doctorsById, columns, lang, disabled, pendingId, label, roomLabel, onChoose }: SlotCellsProps): JSX.Element {
  const styles = useStyles();
  const groups = React.useMemo(() => {
    const byDoctor = new Map<string, Slot[]>();
    for (const slot of slots) byDoctor.set(slot.doctorId, [...(byDoctor.get(slot.doctorId) ?? []), slot]);
    return [...byDoctor.entries()];
  }, [slots]);
  const slotById = React.useMemo(() => new Map(slots.map((s) => [s.id, s])), [slots]);
  const choose = (cell: TimeCell) => {
    const slot = slotById.get(cell.id);
    if (slot) onChoose(slot);
  };
  const cellsOf = (list: readonly Slot[]): TimeCell[] =>
    list.map((slot) => {
      const doctor = doctorsById.get(slot.doctorId);
      const detail = [doctor ? shortName(doctor.fullName) : '', slot.room ? roomText(slot.room, roomLabel) : ''].filter((p) => p).join(', ');
      return { id: slot.id, start: slot.start, ...(detail ? { detail } : {}) };
    });
  const grid = (list: readonly Slot[], name: string) => (
    <TimeCells cells={cellsOf(list)} columns={columns} selectedId={pendingId} disabled={disabled} lang={lang} label={name} onChoose={choose} />
  );
  return (
    <div data-testid="time-grid">
      {groups.length <= 1
        ? grid(slots, label)
        : groups.map(([doctorId, list]) => {
            const doctor = doctorsById.get(doctorId);
            const name = doctor ? `${doctor.fullName}, ${doctor.specialtyName}` : doctorId;
            return (
              <div key={doctorId} className={styles.group}>
                <Text className={styles.doctor}>{name}</Text>
                {grid(list, `${label} — ${name}`)}
              </div>
            );
          })}
    </div>
  );
}
