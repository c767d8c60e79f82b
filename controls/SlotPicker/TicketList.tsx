import * as React from 'react';
import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { Lang, Ticket, TicketStatus } from '@eer/contract';
import type { Strings } from '../shared/pcf/strings';
import { clockTime, shortDate } from '../shared/components/calendarText';
import { regionDateOf } from './dates';
import type { SlotPickerStringKey } from './strings';
import { roomText } from './format';

export interface TicketListProps {
  tickets: readonly Ticket[];
  lang: Lang;
  /** Narrow form: each ticket as a block instead of a table row. */
  compact: boolean;
  readOnly: boolean;
  now: Date;
  strings: Strings<SlotPickerStringKey>;
  onCancel: (ticket: Ticket) => void;
  onComplain: (ticket: Ticket) => void;
}

const STATUS_KEY: Record<TicketStatus, SlotPickerStringKey> = {
  booked: 'Status_booked',
  cancelled: 'Status_cancelled',
  visited: 'Status_visited',
  no_show: 'Status_no_show',
};
const STATUS_COLOR: Record<TicketStatus, 'brand' | 'subtle' | 'success' | 'warning'> = {
  booked: 'brand',
  cancelled: 'subtle',
  visited: 'success',
  no_show: 'warning',
};

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  plain: { listStyleType: 'none', marginTop: '0', marginBottom: '0', paddingLeft: '0' },
});

/** A ticket can be cancelled while it is booked and has not started. */
export function canCancel(ticket: Ticket, now: Date): boolean {
  return ticket.status === 'booked' && Date.parse(ticket.start) > now.getTime();
}

/**
 * The patient's tickets (талоны, manual §4 fig. 8): date, time, doctor, specialty, MO, room, status; «Отменить»
 * for a booked future ticket and «Жалоба на посещение» for any ticket.
 */
export function TicketList({ tickets, lang, compact, readOnly, now, strings: s, onCancel, onComplain }: TicketListProps): JSX.Element {
  const styles = useStyles();
  const actions = (t: Ticket) => {
    const when = `${shortDate(regionDateOf(t.start), lang)} ${clockTime(t.start, lang)}`;
    return (
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={readOnly || !canCancel(t, now)}
          aria-label={`${s.Tickets_Cancel}: ${when}, ${t.doctorName}`}
          onClick={() => onCancel(t)}
        >
          {s.Tickets_Cancel}
        </Button>
        <Button size="small" appearance="subtle" disabled={readOnly} aria-label={`${s.Tickets_Complain}: ${when}, ${t.doctorName}`} onClick={() => onComplain(t)}>
          {s.Tickets_Complain}
        </Button>
      </div>
    );
  };
  const status = (t: Ticket) => (
    <Badge appearance="tint" color={STATUS_COLOR[t.status]}>
      {s[STATUS_KEY[t.status]]}
    </Badge>
  );

  if (compact) {
    return (
      <ul aria-label={s.Tickets_Title} className={styles.plain} data-testid="ticket-list">
        {tickets.map((t) => (
          <li key={t.id} className={styles.block} data-ticket-id={t.id}>
            <span>
              <strong>
                {shortDate(regionDateOf(t.start), lang)} {clockTime(t.start, lang)}
              </strong>{' '}
              {status(t)}
            </span>
            <span>
              {t.doctorName}, {t.specialtyName}
            </span>
            <span className={styles.muted}>
              {t.moName}
              {t.room ? `, ${roomText(t.room, s.Room_Short)}` : ''}
            </span>
            {actions(t)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table size="small" aria-label={s.Tickets_Title} data-testid="ticket-list">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{s.Tickets_Date}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Time}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Doctor}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Specialty}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Mo}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Room}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Status}</TableHeaderCell>
          <TableHeaderCell>{s.Tickets_Actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tickets.map((t) => (
          <TableRow key={t.id} data-ticket-id={t.id}>
            <TableCell>{shortDate(regionDateOf(t.start), lang)}</TableCell>
            <TableCell>{clockTime(t.start, lang)}</TableCell>
            <TableCell>{t.doctorName}</TableCell>
            <TableCell>{t.specialtyName}</TableCell>
            <TableCell>{t.moName}</TableCell>
            <TableCell>{t.room ?? ''}</TableCell>
            <TableCell>{status(t)}</TableCell>
            <TableCell>{actions(t)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
