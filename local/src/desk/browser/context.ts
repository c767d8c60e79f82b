/**
 * The ComponentFramework context the desk gives a control, built like a model-driven form builds it:
 * - `parameters` from the form XML's placement: bound properties read the record's column (raw + formatted, the
 *   column's metadata, and field security for secured columns), static ones their value from the form XML, missing
 *   inputs the manifest's default;
 * - `mode`: allocatedWidth from the cell's layout, disabled when the form is read-only, `contextInfo` of the record;
 * - `userSettings` (Russian 1049 or English 1033, the Dynamics user), `resources.getString` from the control's resx;
 * - `webAPI`, `navigation`, `utils`, `formatting`, `client`, `device`, `factory`, and `fluentDesignLanguage` (absent
 *   or a Fluent theme, as the app's look decides).
 */
import type { ModelChoice, ModelColumn, ModelControlBinding, ModelTable } from '@eer/solution';
import type { DeskControlInfo, DeskUser } from './bootstrap.js';
import { fluentTheme } from './platform.js';
import { formatValue, locale, optionsOf, rawOf, rowName, staticRaw, TIME_ZONE, type Lcid } from './values.js';
import type { DeskWebApi } from './webApi.js';

/** Field security profile of the desk user for secured columns (Dynamics: a field security profile). */
export type FieldAccess = 'full' | 'read' | 'none';
export type ThemeChoice = 'light' | 'dark' | 'none';

export interface DeskEnv {
  tables: Record<string, ModelTable>;
  choices: Record<string, ModelChoice>;
  webApi: DeskWebApi;
  user: DeskUser;
  lcid: Lcid;
  theme: ThemeChoice;
  fieldAccess: FieldAccess;
  navigation: ComponentFramework.Navigation;
}

export interface ContextSource {
  env: DeskEnv;
  table: ModelTable;
  control: DeskControlInfo;
  binding: ModelControlBinding;
  /** The form's record values (Web API JSON by column logical name / `_x_value`). */
  record: () => Record<string, unknown>;
  recordId: () => string | null;
  recordName: () => string;
  formDisabled: () => boolean;
  strings: Record<string, string>;
  width: () => number;
  label: string;
  trackContainerResize: (track: boolean) => void;
  requestRender: () => void;
}

const offset = (date = new Date()) => {
  // Minutes east of UTC in the user's Dynamics time zone (Moscow).
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(date);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+03:00';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 180;
};

function security(column: ModelColumn, access: FieldAccess): ComponentFramework.PropertyHelper.SecurityValues | undefined {
  if (!column.secured) return undefined;
  return { secured: true, readable: access !== 'none', editable: access === 'full' };
}

function attributes(column: ModelColumn, lcid: Lcid, choices: Record<string, ModelChoice>): Record<string, unknown> {
  const lang = lcid === 1033 ? 'en' : 'ru';
  const base: Record<string, unknown> = {
    DisplayName: column.displayName[lang],
    LogicalName: column.logicalName,
    Description: column.description[lang],
    RequiredLevel: column.required === 'required' ? 2 : column.required === 'systemrequired' ? 1 : 0,
    IsSecured: column.secured,
    SourceType: 0,
  };
  if (column.maxLength !== undefined) base.MaxLength = column.maxLength;
  if (column.format) base.Format = column.format;
  if (column.min !== undefined) base.MinValue = column.min;
  if (column.max !== undefined) base.MaxValue = column.max;
  if (column.precision !== undefined) base.Precision = column.precision;
  if (column.type === 'datetime') base.Behavior = column.dateOnly ? 3 : 1;
  if (['picklist', 'state', 'status', 'bit'].includes(column.type)) {
    base.Options = optionsOf(column, choices).map((o) => ({ Label: o.label[lang], Value: o.value, Color: null }));
    base.DefaultValue = column.defaultValue ?? -1;
  }
  return base;
}

/** The `parameters` bag of a control on a record. */
export function buildParameters(source: ContextSource): Record<string, unknown> {
  const { env, table, control, binding } = source;
  const record = source.record();
  const out: Record<string, unknown> = {};
  for (const property of control.properties) {
    const placed = binding.parameters[property.name];
    if (placed && !placed.static) {
      const column = table.columns.find((c) => c.logicalName === placed.value);
      const stored = column ? record[rowName(column)] : undefined;
      const secured = column ? security(column, env.fieldAccess) : undefined;
      const hidden = secured && !secured.readable;
      out[property.name] = {
        raw: hidden ? null : rawOf(column, stored),
        formatted: hidden ? '********' : formatValue(column, stored, env.lcid, env.choices),
        error: false,
        errorMessage: '',
        type: placed.type,
        attributes: column ? attributes(column, env.lcid, env.choices) : undefined,
        ...(secured ? { security: secured } : {}),
      };
    } else {
      const type = placed?.type ?? property.ofType;
      const text = placed ? placed.value : property.defaultValue;
      out[property.name] = { raw: staticRaw(type, text), formatted: text ?? '', error: false, errorMessage: '', type };
    }
  }
  return out;
}

export function buildContext(source: ContextSource, updatedProperties: string[]): ComponentFramework.Context<unknown> {
  const { env } = source;
  const lcid = env.lcid;
  const fmt = (options: Intl.DateTimeFormatOptions) => (value: Date) => new Intl.DateTimeFormat(locale(lcid), { timeZone: TIME_ZONE, ...options }).format(value);
  const notSupported = (what: string) => () => Promise.reject(Object.assign(new Error(`${what} is not available on the desk`), { errorCode: -2147220970 }));
  const theme = env.theme === 'none' ? undefined : fluentTheme(env.theme);

  const context = {
    parameters: buildParameters(source),
    updatedProperties,
    mode: {
      allocatedWidth: source.width(),
      allocatedHeight: -1,
      isControlDisabled: source.formDisabled(),
      isVisible: true,
      label: source.label,
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: source.trackContainerResize,
      // Model-driven forms set this (not in the typings): the record the form shows.
      contextInfo: { entityId: source.recordId() ?? '', entityTypeName: source.table.logicalName, entityRecordName: source.recordName() },
    },
    userSettings: {
      userId: `{${env.user.id.toUpperCase()}}`,
      userName: env.user.name,
      languageId: lcid,
      isRTL: false,
      securityRoles: [],
      dateFormattingInfo: {
        shortDatePattern: lcid === 1033 ? 'M/d/yyyy' : 'dd.MM.yyyy',
        longDatePattern: lcid === 1033 ? 'dddd, MMMM d, yyyy' : "d MMMM yyyy 'г.'",
        shortTimePattern: lcid === 1033 ? 'h:mm tt' : 'HH:mm',
        firstDayOfWeek: lcid === 1033 ? 0 : 1,
        timeSeparator: ':',
        dateSeparator: lcid === 1033 ? '/' : '.',
      },
      numberFormattingInfo: { numberDecimalSeparator: lcid === 1033 ? '.' : ',', numberGroupSeparator: lcid === 1033 ? ',' : '\u00a0', numberDecimalDigits: 2 },
      getTimeZoneOffsetMinutes: (date?: Date) => offset(date),
    },
    resources: {
      getString: (id: string) => source.strings[id] ?? '',
      getResource: (_id: string, _success: (data: string) => void, failure: () => void) => failure(),
    },
    webAPI: env.webApi,
    navigation: env.navigation,
    formatting: {
      formatDateShort: (value: Date, includeTime?: boolean) => fmt({ day: '2-digit', month: '2-digit', year: 'numeric', ...(includeTime ? { hour: '2-digit', minute: '2-digit' } : {}) })(value),
      formatDateLong: fmt({ day: 'numeric', month: 'long', year: 'numeric' }),
      formatDateLongAbbreviated: fmt({ day: 'numeric', month: 'short', year: 'numeric' }),
      formatDateYearMonth: fmt({ month: 'long', year: 'numeric' }),
      formatTime: (value: Date) => fmt({ hour: '2-digit', minute: '2-digit' })(value),
      formatInteger: (value: number) => new Intl.NumberFormat(locale(lcid), { maximumFractionDigits: 0 }).format(value),
      formatDecimal: (value: number, precision?: number) => new Intl.NumberFormat(locale(lcid), { minimumFractionDigits: precision ?? 2, maximumFractionDigits: precision ?? 2 }).format(value),
      formatCurrency: (value: number, precision?: number, symbol?: string) =>
        `${new Intl.NumberFormat(locale(lcid), { minimumFractionDigits: precision ?? 2, maximumFractionDigits: precision ?? 2 }).format(value)} ${symbol ?? '₽'}`,
      formatLanguage: (value: number) => (value === 1033 ? 'English' : 'Русский'),
      formatUserDateTimeToUTC: (date: Date) => date.getTime(),
      formatUTCDateTimeToUserDate: (ms: number) => new Date(ms),
      getWeekOfYear: (value: Date) => {
        const start = Date.UTC(value.getUTCFullYear(), 0, 1);
        return Math.ceil(((value.getTime() - start) / 86400000 + new Date(start).getUTCDay() + 1) / 7);
      },
    },
    utils: {
      getEntityMetadata: (entityName: string) => {
        const t = env.tables[entityName];
        if (!t) return Promise.reject(Object.assign(new Error(`no table ${entityName}`), { errorCode: -2147220969 }));
        const lang = lcid === 1033 ? 'en' : 'ru';
        return Promise.resolve({
          LogicalName: t.logicalName,
          EntitySetName: t.entitySetName,
          PrimaryIdAttribute: t.primaryIdAttribute,
          PrimaryNameAttribute: t.primaryNameAttribute,
          DisplayName: t.displayName[lang],
          DisplayCollectionName: t.pluralName[lang],
          Attributes: t.columns.map((c) => ({ LogicalName: c.logicalName, DisplayName: c.displayName[lang], AttributeType: c.type })),
        });
      },
      // The EER 122 Operator role: create/read/write on the call tables, read on the reference tables.
      hasEntityPrivilege: (entityTypeName: string, privilegeType: number) =>
        ['eer_call', 'eer_appeal', 'eer_homevisit', 'eer_vaccination'].includes(entityTypeName) || privilegeType === 2,
      lookupObjects: notSupported('lookupObjects'),
      isLoading: () => false,
    },
    client: {
      disableScroll: false,
      getClient: () => 'Web',
      getFormFactor: () => 1,
      isOffline: () => false,
      isNetworkAvailable: () => navigator.onLine,
    },
    device: {
      captureAudio: notSupported('captureAudio'),
      captureImage: notSupported('captureImage'),
      captureVideo: notSupported('captureVideo'),
      getBarcodeValue: notSupported('getBarcodeValue'),
      getCurrentPosition: notSupported('getCurrentPosition'),
      pickFile: notSupported('pickFile'),
    },
    factory: {
      requestRender: source.requestRender,
      getPopupService: () => ({ createPopup: () => undefined, openPopup: () => undefined, closePopup: () => undefined, updatePopup: () => undefined, deletePopup: () => undefined, setPopupsId: () => undefined, getPopupsId: () => '' }),
    },
    events: {},
    ...(theme ? { fluentDesignLanguage: { tokenTheme: theme, isDarkTheme: env.theme === 'dark' } } : {}),
  };
  return context as unknown as ComponentFramework.Context<unknown>;
}
