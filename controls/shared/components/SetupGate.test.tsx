import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/client';
import { settingsFromRecords } from '../settings';
import { SetupGate, type SetupGateStrings } from './SetupGate';

const strings: SetupGateStrings = {
  loading: 'Загрузка…',
  missing: 'Элемент не настроен: нет переменных среды {0}',
  settingsFailed: 'Настройки не прочитаны',
  correlationId: 'Идентификатор запроса',
  retry: 'Повторить',
  dismiss: 'Закрыть',
};

describe('SetupGate', () => {
  it('shows a spinner, then the control once ready', () => {
    const { rerender } = render(<SetupGate state={{ status: 'loading' }} lang="ru" strings={strings}>{() => 'control'}</SetupGate>);
    expect(screen.getByText('Загрузка…')).toBeInTheDocument();
    const client = createApiClient({ baseUrl: 'https://f/api' });
    rerender(
      <SetupGate state={{ status: 'ready', client, settings: settingsFromRecords([]) }} lang="ru" strings={strings}>
        {(c) => `control ${c.baseUrl}`}
      </SetupGate>,
    );
    expect(screen.getByText('control https://f/api')).toBeInTheDocument();
  });

  it('names what the admin must set', () => {
    render(<SetupGate state={{ status: 'missing', missing: ['eer_FunctionsBaseUrl'] }} lang="ru" strings={strings}>{() => 'control'}</SetupGate>);
    expect(screen.getByTestId('setup-missing')).toHaveTextContent('Элемент не настроен: нет переменных среды eer_FunctionsBaseUrl');
    expect(screen.queryByText('control')).toBeNull();
  });

  it('offers a retry when the settings could not be read', async () => {
    const reload = jest.fn();
    render(<SetupGate state={{ status: 'error', error: new Error('privilege'), reload }} lang="ru" strings={strings}>{() => 'control'}</SetupGate>);
    expect(screen.getByTestId('error-bar')).toHaveTextContent('Настройки не прочитаны');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Повторить' }));
    expect(reload).toHaveBeenCalled();
  });
});
