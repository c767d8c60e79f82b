import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { roomText, shortName, TimeGrid } from './TimeGrid';
import { DISTRICT_RESULT, THERAPIST } from './testSupport';

describe('TimeGrid', () => {
  it('names rooms and doctors as the operator reads them', () => {
    expect(roomText('210', 'каб. {0}')).toBe('каб. 210');
    expect(roomText('каб. 210', 'каб. {0}')).toBe('каб. 210');
    expect(roomText('кабинет флюорографии', 'каб. {0}')).toBe('кабинет флюорографии');
    expect(shortName('Петров Пётр Петрович')).toBe('Петров П. П.');
  });

  it('moves by a row with Up/Down, stays inside the grid at the edges, and chooses with Enter or Space', async () => {
    const onChoose = jest.fn();
    const slots = DISTRICT_RESULT.days[0]!.slots;
    render(
      <TimeGrid
        slots={slots}
        doctorsById={new Map([[THERAPIST.id, THERAPIST]])}
        columns={2}
        lang="ru"
        showDoctor
        disabled={false}
        label="Свободное время"
        roomLabel="каб. {0}"
        onChoose={onChoose}
      />,
    );
    const user = userEvent.setup({ delay: null });
    const cells = screen.getAllByRole('button');
    expect(cells[0]).toHaveAccessibleName('09:00, Петров П. П., каб. 12');
    expect(cells[0]).toHaveTextContent('09:00Петров П. П.');
    cells[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(cells[2]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(cells[4]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cells[4]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowLeft}');
    expect(cells[1]).toHaveFocus();
    expect(cells[1]).toHaveAttribute('tabindex', '0');
    await user.keyboard(' ');
    expect(onChoose).toHaveBeenLastCalledWith(slots[1]);
    await user.keyboard('{End}{Enter}');
    expect(onChoose).toHaveBeenLastCalledWith(slots[4]);
  });
});
