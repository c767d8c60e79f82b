import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { screen } from '@testing-library/react';
import { CallPanel } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { createContextMock, property } from '../shared/test/contextMock';

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    status: property('in_progress'),
    topic: property(4, { type: 'Whole.None' }),
    answeredAt: property<Date>(null, { type: 'DateAndTime.DateAndTime' }),
    greeting: property('Вызов врача на дом: уточните адрес.', { type: 'Multiple' }),
    thresholdSeconds: property(null, { type: 'Whole.None' }),
    ...overrides,
  } as unknown as IInputs;
}

describe('CallPanel wrapper lifecycle', () => {
  let container: HTMLDivElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
  });
  afterEach(() => {
    ReactDOM.unmountComponentAtNode(container);
    container.remove();
    jest.useRealTimers();
  });

  it('tracks the container size and renders the bound topic in Russian', () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs() });
    const control = new CallPanel();
    control.init(mock.context);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(screen.getByTestId('call-topic')).toHaveTextContent('4. Вызов врача на дом');
    expect(control.getOutputs()).toEqual({});
    control.destroy();
  });

  it('derives the timer from the bound answeredAt column after updateView, with the default 3-minute threshold', () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-26T10:03:30Z'));
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs() });
    const control = new CallPanel();
    control.init(mock.context);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(screen.getByTestId('call-timer')).toHaveTextContent('Звонок не принят');
    const next = mock.update({ parameters: { answeredAt: property(new Date('2026-11-26T10:00:00Z')) } as Partial<IInputs> as IInputs });
    act(() => {
      ReactDOM.render(control.updateView(next), container);
    });
    expect(screen.getByTestId('call-timer')).toHaveTextContent('03:30');
    expect(screen.getByRole('timer')).toHaveAttribute('data-over', 'true');
  });

  it('speaks English when the user language is 1033', () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs(), lcid: 1033 });
    const control = new CallPanel();
    control.init(mock.context);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(screen.getByTestId('call-topic')).toHaveTextContent('4. Home visit');
  });

  it('masks the call when the user may not read the status column', () => {
    const mock = createContextMock({
      control: 'CallPanel',
      parameters: inputs({ status: property('in_progress', { security: { readable: false, editable: false } }) }),
    });
    const control = new CallPanel();
    control.init(mock.context);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к данным звонка');
  });
});
