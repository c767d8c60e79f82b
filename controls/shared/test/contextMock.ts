/**
 * The one PCF context mock for every control's tests: parameters, bound columns with field security,
 * mode (disabled, width), resx strings in Russian or English, user settings, and a record of outputs.
 */
import { loadResx, type Lcid } from './resx';

type Security = ComponentFramework.PropertyHelper.SecurityValues;

export interface MockProperty<T> {
  raw: T | null;
  formatted?: string;
  error: boolean;
  errorMessage: string;
  type: string;
  security?: Security;
  attributes?: Record<string, unknown>;
}

/** A bound or input property value as the platform passes it. */
export function property<T>(raw: T | null, options: { type?: string; security?: Partial<Security>; formatted?: string } = {}): MockProperty<T> {
  return {
    raw,
    formatted: options.formatted ?? (raw === null || raw === undefined ? '' : String(raw)),
    error: false,
    errorMessage: '',
    type: options.type ?? 'SingleLine.Text',
    security: options.security ? { editable: true, readable: true, secured: true, ...options.security } : undefined,
  };
}

export interface ContextMockOptions<TInputs> {
  control: string;
  parameters: TInputs;
  lcid?: Lcid;
  disabled?: boolean;
  width?: number;
  height?: number;
  tokenTheme?: unknown;
}

export interface ContextMock<TInputs> {
  context: ComponentFramework.Context<TInputs>;
  /** Change parameters or mode and call the control's updateView again, as the host does. */
  update(change: Partial<Pick<ContextMockOptions<TInputs>, 'parameters' | 'disabled' | 'width'>>): ComponentFramework.Context<TInputs>;
  strings: Record<string, string>;
  trackContainerResize: jest.Mock;
}

export function createContextMock<TInputs>(options: ContextMockOptions<TInputs>): ContextMock<TInputs> {
  const lcid = options.lcid ?? 1049;
  const strings = loadResx(options.control, lcid);
  const trackContainerResize = jest.fn();
  const state = { ...options };

  const build = (): ComponentFramework.Context<TInputs> =>
    ({
      parameters: state.parameters,
      mode: {
        isControlDisabled: state.disabled ?? false,
        isVisible: true,
        label: options.control,
        allocatedWidth: state.width ?? 800,
        allocatedHeight: state.height ?? -1,
        trackContainerResize,
        setControlState: jest.fn(),
        setFullScreen: jest.fn(),
      },
      resources: {
        getString: (key: string) => strings[key] ?? '',
        getResource: jest.fn(),
      },
      userSettings: {
        languageId: lcid,
        isRTL: false,
        userId: '{00000000-0000-0000-0000-000000000001}',
        userName: 'Оператор Тестовый',
        dateFormattingInfo: {},
        numberFormattingInfo: {},
        securityRoles: [],
        getTimeZoneOffsetMinutes: () => 180,
      },
      fluentDesignLanguage: state.tokenTheme ? { tokenTheme: state.tokenTheme, isDarkTheme: false } : undefined,
      client: { getClient: () => 'Web', getFormFactor: () => 1, isOffline: () => false, disableScroll: false },
      formatting: {},
      utils: {},
      navigation: {},
      webAPI: {},
      device: {},
      factory: { requestRender: jest.fn() },
      events: {},
      updatedProperties: [],
    }) as unknown as ComponentFramework.Context<TInputs>;

  let context = build();
  return {
    get context() {
      return context;
    },
    update(change) {
      const parameters = change.parameters ? { ...state.parameters, ...change.parameters } : state.parameters;
      Object.assign(state, change, { parameters });
      context = build();
      return context;
    },
    strings,
    trackContainerResize,
  };
}
