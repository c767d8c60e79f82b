import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from '@fluentui/react-components';
import { ConfirmDialog } from './ConfirmDialog';

function Harness({ onConfirm, busy = false }: { onConfirm: () => void; busy?: boolean }) {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Сохранить</Button>
      <ConfirmDialog
        open={open}
        title="Обновить телефон?"
        confirmLabel="Подтвердить"
        cancelLabel="Отмена"
        busy={busy}
        busyLabel="Сохранение"
        onConfirm={() => {
          onConfirm();
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      >
        Новый номер: +7 (916) 123-45-67
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('opens with focus on confirm; Enter confirms', async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Обновить телефон?' });
    expect(dialog).toHaveTextContent('+7 (916) 123-45-67');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Подтвердить' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  // Tab inside the modal is moved by Fluent's tabster, which needs layout: checked in the browser test, not in jsdom.
  it('Escape closes without confirming, focus back on the opener', async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Сохранить' });
    await user.click(opener);
    await screen.findByRole('alertdialog');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Подтвердить' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('while busy both buttons wait', () => {
    render(
      <ConfirmDialog open title="Т" confirmLabel="Да" cancelLabel="Нет" busy busyLabel="Сохранение" onConfirm={jest.fn()} onCancel={jest.fn()} />,
    );
    expect(screen.getByRole('button', { name: /Да/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Нет' })).toBeDisabled();
  });
});
