import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useListNavigation } from './useListNavigation';

function List({ items, onChoose }: { items: string[]; onChoose: (item: string) => void }) {
  const nav = useListNavigation(items.length, (i) => onChoose(items[i]!), items.join());
  return (
    <ul role="listbox" tabIndex={0} aria-label="Пациенты" aria-activedescendant={nav.activeIndex >= 0 ? `o${nav.activeIndex}` : undefined} onKeyDown={nav.onKeyDown}>
      {items.map((item, i) => (
        <li key={item} id={`o${i}`} role="option" aria-selected={i === nav.activeIndex}>
          {item}
        </li>
      ))}
    </ul>
  );
}

const active = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')?.textContent;

describe('useListNavigation', () => {
  it('arrows, Home and End move the highlight within the list; Enter chooses', async () => {
    const user = userEvent.setup();
    const onChoose = jest.fn();
    render(<List items={['Иванов', 'Петров', 'Сидоров']} onChoose={onChoose} />);
    screen.getByRole('listbox').focus();
    expect(active()).toBe('Иванов');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(active()).toBe('Сидоров');
    await user.keyboard('{ArrowUp}');
    expect(active()).toBe('Петров');
    await user.keyboard('{Home}');
    expect(active()).toBe('Иванов');
    await user.keyboard('{End}{Enter}');
    expect(onChoose).toHaveBeenCalledWith('Сидоров');
  });

  it('starts at the top again when the items change', async () => {
    const user = userEvent.setup();
    const view = render(<List items={['А', 'Б']} onChoose={jest.fn()} />);
    screen.getByRole('listbox').focus();
    await user.keyboard('{ArrowDown}');
    expect(active()).toBe('Б');
    view.rerender(<List items={['В', 'Г', 'Д']} onChoose={jest.fn()} />);
    expect(active()).toBe('В');
  });

  it('an empty list has no highlight and ignores keys', async () => {
    const user = userEvent.setup();
    const onChoose = jest.fn();
    render(<List items={[]} onChoose={onChoose} />);
    screen.getByRole('listbox').focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChoose).not.toHaveBeenCalled();
    expect(screen.getByRole('listbox')).not.toHaveAttribute('aria-activedescendant');
  });
});
