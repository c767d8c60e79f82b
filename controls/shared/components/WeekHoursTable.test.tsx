import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { WeeklyHours } from '@eer/contract';
import { WeekHoursTable } from './WeekHoursTable';

const H = [{ from: '08:00', to: '20:00' }];
const HOURS: WeeklyHours = { 1: H, 2: H, 3: H, 4: H, 5: H, 6: [{ from: '09:00', to: '15:00' }], 7: [] };
const VISITS: WeeklyHours = { 1: [{ from: '08:00', to: '14:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
const strings = {
  days: { 1: 'Понедельник', 2: 'Вторник', 3: 'Среда', 4: 'Четверг', 5: 'Пятница', 6: 'Суббота', 7: 'Воскресенье' },
  dayHeader: 'День',
  hoursHeader: 'Часы работы',
  secondHeader: 'Вызовы на дом',
  closed: 'выходной',
  today: 'сегодня',
} as const;

describe('WeekHoursTable', () => {
  it('lists the week from Monday, marks today and shows closed days', () => {
    render(<WeekHoursTable hours={HOURS} second={VISITS} today={6} strings={strings} label="Режим работы" />);
    const table = screen.getByRole('table', { name: 'Режим работы' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(rows[1]).toHaveTextContent('Понедельник08:00–20:0008:00–14:00');
    expect(rows[6]).toHaveTextContent('Суббота (сегодня)09:00–15:00выходной');
    expect(rows[6]).toHaveAttribute('aria-current', 'date');
    expect(rows[7]).toHaveTextContent('Воскресеньевыходнойвыходной');
    expect(table.querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('has one hours column without a second set', () => {
    render(<WeekHoursTable hours={HOURS} today={1} strings={strings} label="Режим работы" />);
    expect(screen.getAllByRole('columnheader')).toHaveLength(2);
  });
});
