import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import { clockTime } from './calendarText';

export interface TimeCell {
  id: string;
  /** ISO instant: shown on the region's clock. */
  start: string;
  /** Said after the time, e.g. «свободно 3 места». */
  detail?: string;
}

export interface TimeCellsProps {
  cells: readonly TimeCell[];
  /** Cells per row: Up/Down move by a row. */
  columns: number;
  selectedId: string | null;
  disabled: boolean;
  lang: Lang;
  /** Accessible name, e.g. «Время на 30.11.2026». */
  label: string;
  onChoose: (cell: TimeCell) => void;
}

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  cell: { minWidth: '0', fontVariantNumeric: 'tabular-nums' },
});

/**
 * The time cells of one day (a slot picker's time grid) with one tab stop: arrows move (Left/Right by one, Up/Down
 * by a row, Home/End to the ends), Enter or Space chooses; the chosen cell is pressed.
 */
export function TimeCells({ cells, columns, selectedId, disabled, lang, label, onChoose }: TimeCellsProps): JSX.Element {
  const styles = useStyles();
  const [active, setActive] = React.useState(0);
  const refs = React.useRef<Array<HTMLElement | null>>([]);
  const first = cells[0]?.id;
  React.useEffect(() => setActive(Math.max(0, cells.findIndex((c) => c.id === selectedId))), [first, cells.length, selectedId]);
  const index = Math.min(active, Math.max(0, cells.length - 1));

  const move = (next: number) => {
    const target = Math.max(0, Math.min(cells.length - 1, next));
    setActive(target);
    refs.current[target]?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, ArrowDown: index + columns, ArrowUp: index - columns, Home: 0, End: cells.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };

  return (
    <div role="group" aria-label={label} className={styles.grid} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }} onKeyDown={onKeyDown} data-testid="time-cells">
      {cells.map((cell, i) => {
        const time = clockTime(cell.start, lang);
        return (
          <Button
            key={cell.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            className={styles.cell}
            appearance={cell.id === selectedId ? 'primary' : 'secondary'}
            aria-pressed={cell.id === selectedId}
            tabIndex={i === index ? 0 : -1}
            disabledFocusable={disabled}
            aria-label={cell.detail ? `${time}, ${cell.detail}` : time}
            data-cell-id={cell.id}
            onFocus={() => setActive(i)}
            onClick={() => onChoose(cell)}
          >
            {time}
          </Button>
        );
      })}
    </div>
  );
}
