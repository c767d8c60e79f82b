import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBar, errorView } from './ErrorBar';
import { ApiError } from '../api/ApiError';

const strings = { correlationId: 'Идентификатор запроса', retry: 'Повторить', dismiss: 'Закрыть' };

describe('errorView', () => {
  it('shows an ApiError by its code in the user language, with the correlation id', () => {
    const error = new ApiError({ code: 'mis_unavailable', status: 503, message: 'MIS down', correlationId: 'c-1', retryable: true });
    expect(errorView(error, 'ru')).toEqual({ code: 'mis_unavailable', text: 'МИС недоступна, повторите позже', correlationId: 'c-1', retryable: true });
    expect(errorView(error, 'en')?.text).toBe('The MIS is unavailable; try again later');
  });

  it('an abort is nothing to show; anything else is internal without an id', () => {
    expect(errorView(new DOMException('x', 'AbortError'), 'ru')).toBeNull();
    expect(errorView(null, 'ru')).toBeNull();
    expect(errorView(new TypeError('boom'), 'ru')).toEqual({ code: 'internal', text: 'Внутренняя ошибка сервиса', correlationId: null, retryable: false });
  });
});

describe('ErrorBar', () => {
  it('renders the text and a selectable correlation id; retry for a retryable error', async () => {
    const user = userEvent.setup();
    const onRetry = jest.fn();
    const onDismiss = jest.fn();
    render(
      <ErrorBar
        title="Поиск не выполнен"
        error={{ code: 'mis_timeout', text: 'МИС не ответила вовремя, повторите', correlationId: 'abc-123', retryable: true }}
        strings={strings}
        onRetry={onRetry}
        onDismiss={onDismiss}
      />,
    );
    const bar = screen.getByTestId('error-bar');
    expect(bar).toHaveTextContent('Поиск не выполнен');
    expect(bar).toHaveTextContent('МИС не ответила вовремя, повторите');
    expect(bar).toHaveTextContent('Идентификатор запроса: abc-123');
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    await user.click(screen.getByRole('button', { name: 'Закрыть' }));
    expect(onRetry).toHaveBeenCalled();
    expect(onDismiss).toHaveBeenCalled();
  });

  it('offers no retry for an error that would fail again', () => {
    render(
      <ErrorBar
        error={{ code: 'forbidden', text: 'Недостаточно прав', correlationId: null, retryable: false }}
        strings={strings}
        onRetry={jest.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Повторить' })).toBeNull();
    expect(screen.getByTestId('error-bar')).not.toHaveTextContent('Идентификатор запроса');
  });
});
