import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { ConnectionBadge, type ConnectionStatus } from './ConnectionBadge';

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Подключение…',
  connected: 'На связи',
  reconnecting: 'Переподключение…',
  disconnected: 'Нет связи',
};

describe('ConnectionBadge', () => {
  it.each(Object.entries(labels))('%s shows its text, not just a colour', (status, text) => {
    render(<ConnectionBadge status={status as ConnectionStatus} labels={labels} title="Связь с сервером" />);
    const badge = screen.getByRole('status');
    expect(badge).toHaveTextContent(text);
    expect(badge).toHaveAccessibleName(`Связь с сервером: ${text}`);
    expect(badge).toHaveAttribute('aria-live', 'polite');
  });
});
