import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DayStrip } from './DayStrip';
import { TimeCells } from './TimeCells';
import { clockTime, dayLabel, longDate, shortDate } from './calendarText';

describe('calendar text', () => {
  it('formats dates as the day they are, and instants on the region clock', () => {
    expect(dayLabel('2026-11-30', 'ru')).toBe('пн, 30 нояб.');
    expect(longDate('2026-11-30', 'ru')).toBe('понедельник, 30 ноября 2026 г.');
    expect(shortDate('2026-11-30', 'en')).toBe('30/11/2026');
    expect(clockTime('2026-11-30T06:30:00Z', 'ru')).toBe('09:30');
  });
});

describe('DayStrip', () => {
  it('walks the days with the arrows and chooses with Enter; each day says its count', async () => {
    const onSelect = jest.fn();
    const days = [
      { date: '2026-11-30', count: 4 },
      { date: '2026-12-01', count: 1 },
      { date: '2026-12-02', count: 7 },
    ];
    render(<DayStrip days={days} selectedDate="2026-11-30" onSelect={onSelect} lang="ru" label="Дни" countLabel="свободно: {0}" />);
    const user = userEvent.setup({ delay: null });
    const strip = screen.getByRole('listbox', { name: 'Дни' });
    expect(screen.getAllByRole('option')[1]).toHaveAccessibleName('вторник, 1 декабря 2026 г., свободно: 1');
    strip.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('2026-12-02');
    await user.keyboard('{Home} ');
    expect(onSelect).toHaveBeenLastCalledWith('2026-11-30');
  });
});

describe('TimeCells', () => {
  it('one tab stop; arrows move by one and by a row; Enter chooses; the chosen cell is pressed', async () => {
    const onChoose = jest.fn();
    const cells = ['06:00', '06:30', '07:00', '07:30', '08:00'].map((t, i) => ({ id: `s${i}`, start: `2026-11-30T${t}:00Z`, detail: 'свободно 2' }));
    const { rerender } = render(<TimeCells cells={cells} columns={2} selectedId={null} disabled={false} lang="ru" label="Время" onChoose={onChoose} />);
    const user = userEvent.setup({ delay: null });
    const buttons = screen.getAllByRole('button');
    expect(buttons[0]).toHaveAccessibleName('09:00, свободно 2');
    expect(buttons.filter((b) => b.getAttribute('tabindex') === '0')).toHaveLength(1);
    buttons[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(buttons[3]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenLastCalledWith(cells[3]);
    rerender(<TimeCells cells={cells} columns={2} selectedId="s3" disabled={false} lang="ru" label="Время" onChoose={onChoose} />);
    expect(screen.getAllByRole('button')[3]).toHaveAttribute('aria-pressed', 'true');
  });
});
