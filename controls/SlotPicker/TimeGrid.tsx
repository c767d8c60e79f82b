import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Doctor, Lang, Slot } from '@eer/contract';
import { clockTime } from './dates';

export interface TimeGridProps {
  slots: readonly Slot[];
  doctorsById: ReadonlyMap<string, Doctor>;
  /** Cells per row: arrow Up/Down move by a row. */
  columns: number;
  lang: Lang;
  /** Several doctors share the grid: each cell names its doctor. */
  showDoctor: boolean;
  disabled: boolean;
  /** Accessible name of the grid, e.g. «Свободное время на 30.11.2026». */
  label: string;
  /** «каб. {0}» */
  roomLabel: string;
  onChoose: (slot: Slot) => void;
}

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  cell: { minWidth: '0', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
  doctor: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

/**
 * A room as the operator reads it: the MIS gives either a bare number («210», then «каб. 210» from `template`) or
 * its own text («каб. 210», «кабинет флюорографии»), which is kept as is.
 */
export function roomText(room: string, template: string): string {
  return /^\d/.test(room) ? template.replace('{0}', room) : room;
}

/** «Петров П. П.» from «Петров Пётр Петрович». */
export function shortName(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  return [last, ...rest.map((p) => `${p.charAt(0)}.`)].join(' ');
}

/**
 * The time cells of one day (manual §4.1, fig. 9, step 4): a grid of buttons with one tab stop; arrows move between
 * cells (Left/Right by one, Up/Down by a row, Home/End to the ends), Enter or Space chooses.
 */
export function TimeGrid(props: TimeGridProps): JSX.Element {
  const { slots, doctorsById, columns, lang, showDoctor, disabled, label, roomLabel, onChoose } = props;
  const styles = useStyles();
  const [active, setActive] = React.useState(0);
  const refs = React.useRef<Array<HTMLElement | null>>([]);
  const first = slots[0]?.id;
  // A new day starts at its first cell.
  React.useEffect(() => setActive(0), [first, slots.length]);
  const index = Math.min(active, Math.max(0, slots.length - 1));

  const move = (next: number) => {
    const target = Math.max(0, Math.min(slots.length - 1, next));
    setActive(target);
    refs.current[target]?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      Home: 0,
      End: slots.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };

  return (
    <div
      role="group"
      aria-label={label}
      className={styles.grid}
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      onKeyDown={onKeyDown}
      data-testid="time-grid"
    >
      {slots.map((slot, i) => {
        const time = clockTime(slot.start, lang);
        const doctor = doctorsById.get(slot.doctorId);
        const parts = [time, doctor ? shortName(doctor.fullName) : '', slot.room ? roomText(slot.room, roomLabel) : ''];
        return (
          <Button
            key={slot.id}
            ref={(el: HTMLElement | null) => {
              refs.current[i] = el;
            }}
            className={styles.cell}
            tabIndex={i === index ? 0 : -1}
            disabledFocusable={disabled}
            aria-label={parts.filter((p) => p).join(', ')}
            data-slot-id={slot.id}
            onFocus={() => setActive(i)}
            onClick={() => onChoose(slot)}
          >
            <span>{time}</span>
            {showDoctor && doctor && <span className={styles.doctor}>{shortName(doctor.fullName)}</span>}
          </Button>
        );
      })}
    </div>
  );
}
