import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { CallPanelView, formatElapsed, type CallPanelViewProps } from './CallPanelView';
import { loadResx } from '../shared/test/resx';
import type { Strings } from '../shared/pcf/strings';
import type { CallPanelStringKey } from './strings';

const ru = loadResx('CallPanel', 1049) as Strings<CallPanelStringKey>;

function renderPanel(overrides: Partial<CallPanelViewProps> = {}) {
  const props: CallPanelViewProps = {
    topic: 3,
    answeredAt: null,
    greeting: 'Здравствуйте! Линия 122, оператор слушает.',
    thresholdSeconds: 180,
    masked: false,
    narrow: false,
    strings: ru,
    ...overrides,
  };
  return render(<CallPanelView {...props} />);
}

describe('formatElapsed', () => {
  it.each([
    [0, '00:00'],
    [59.9, '00:59'],
    [180, '03:00'],
    [3725, '1:02:05'],
    [-5, '00:00'],
  ])('%p s → %p', (seconds, text) => expect(formatElapsed(seconds)).toBe(text));
});

describe('CallPanelView', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the IVR topic in Russian and the greeting script', () => {
    renderPanel();
    expect(screen.getByTestId('call-topic')).toHaveTextContent('3. Запись на приём к врачу');
    expect(screen.getByText('Здравствуйте! Линия 122, оператор слушает.')).toBeInTheDocument();
    expect(screen.getByTestId('call-timer')).toHaveTextContent('Звонок не принят');
  });

  it('counts from answeredAt and turns red at the threshold', () => {
    jest.useFakeTimers();
    const answeredAt = new Date('2026-11-26T09:00:00Z');
    jest.setSystemTime(new Date('2026-11-26T09:02:58Z'));
    renderPanel({ answeredAt });
    const timer = screen.getByRole('timer');
    expect(screen.getByTestId('call-timer')).toHaveTextContent('02:58');
    expect(timer).toHaveAttribute('data-over', 'false');
    act(() => {
      jest.advanceTimersByTime(2000);
    });
    expect(screen.getByTestId('call-timer')).toHaveTextContent('03:00');
    expect(timer).toHaveAttribute('data-over', 'true');
    expect(timer).toHaveAccessibleName('Время разговора: Время обработки превышено');
  });

  it('honours a threshold set by the analyst', () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-26T09:01:00Z'));
    renderPanel({ answeredAt: new Date('2026-11-26T09:00:00Z'), thresholdSeconds: 60 });
    expect(screen.getByRole('timer')).toHaveAttribute('data-over', 'true');
  });

  it('shows an unknown topic when the digit is out of range', () => {
    renderPanel({ topic: 9 });
    expect(screen.getByTestId('call-topic')).toHaveTextContent('Тема не выбрана');
  });

  it('hides every call detail when field security masks the column', () => {
    renderPanel({ masked: true, answeredAt: new Date() });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к данным звонка');
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.queryByText(/Здравствуйте/)).toBeNull();
  });
});
