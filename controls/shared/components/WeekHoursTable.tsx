import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { WeeklyHours } from '@eer/contract';
import { WEEKDAYS, dayHours, rangesText, type Weekday } from './weeklyHours';

export interface WeekHoursTableStrings {
  /** Full day names, Monday first. */
  days: Readonly<Record<Weekday, string>>;
  dayHeader: string;
  hoursHeader: string;
  /** Header of the second column (home-visit hours), when there is one. */
  secondHeader?: string;
  closed: string;
  /** Spoken after today's day name, e.g. «сегодня». */
  today: string;
}

export interface WeekHoursTableProps {
  hours: WeeklyHours;
  /** A second set of hours side by side (an organisation's home-visit hours). */
  second?: WeeklyHours;
  /** Today's ISO weekday on the region's clock: its row is highlighted. */
  today: Weekday;
  strings: WeekHoursTableStrings;
  /** Accessible name of the table. */
  label: string;
}

const useStyles = makeStyles({
  today: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  closed: { color: tokens.colorNeutralForeground3 },
  hours: { fontVariantNumeric: 'tabular-nums' },
});

/** A week of opening hours, Monday first, today's row highlighted and marked for screen readers. */
export function WeekHoursTable({ hours, second, today, strings, label }: WeekHoursTableProps): JSX.Element {
  const styles = useStyles();
  const cell = (h: WeeklyHours, day: Weekday) => {
    const text = rangesText(dayHours(h, day));
    return (
      <TableCell className={text ? styles.hours : styles.closed}>{text || strings.closed}</TableCell>
    );
  };
  return (
    <Table size="small" aria-label={label} data-testid="week-hours">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.dayHeader}</TableHeaderCell>
          <TableHeaderCell>{strings.hoursHeader}</TableHeaderCell>
          {second && <TableHeaderCell>{strings.secondHeader}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {WEEKDAYS.map((day) => (
          <TableRow
            key={day}
            className={day === today ? styles.today : undefined}
            aria-current={day === today ? 'date' : undefined}
            data-today={day === today ? 'true' : undefined}
          >
            <TableCell>
              {strings.days[day]}
              {day === today && <span> ({strings.today})</span>}
            </TableCell>
            {cell(hours, day)}
            {second && cell(second, day)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
