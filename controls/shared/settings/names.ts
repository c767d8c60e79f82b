/**
 * The Dataverse environment variables the controls read: the schema names (kept in the contract's
 * `ENVIRONMENT_VARIABLES`, the one list shared with the solution and the desk) and, here, what the solution defines
 * for each — type, default, labels — so the solution's `environmentvariabledefinition.xml` files are generated from it.
 */
import { ENVIRONMENT_VARIABLES } from '@eer/contract';

export { ENVIRONMENT_VARIABLES };
export type SettingKey = keyof typeof ENVIRONMENT_VARIABLES;

/** Dataverse `environmentvariabledefinition.type` values. */
export const ENVIRONMENT_VARIABLE_TYPES = { String: 100000000, Number: 100000001, Boolean: 100000002, JSON: 100000003 } as const;

export interface EnvironmentVariableDefinition {
  schemaName: string;
  type: keyof typeof ENVIRONMENT_VARIABLE_TYPES;
  /** The solution's default value; null where each environment must set its own current value. */
  defaultValue: string | null;
  isRequired: boolean;
  displayName: { ru: string; en: string };
  description: { ru: string; en: string };
}

/** Regional default window for accepting home-visit requests: weekdays 08:00–14:00, Saturday 09:00–12:00. */
const HOME_VISIT_HOURS_DEFAULT = {
  1: [{ from: '08:00', to: '14:00' }],
  2: [{ from: '08:00', to: '14:00' }],
  3: [{ from: '08:00', to: '14:00' }],
  4: [{ from: '08:00', to: '14:00' }],
  5: [{ from: '08:00', to: '14:00' }],
  6: [{ from: '09:00', to: '12:00' }],
  7: [],
};

export const ENVIRONMENT_VARIABLE_DEFINITIONS: Record<SettingKey, EnvironmentVariableDefinition> = {
  functionsBaseUrl: {
    schemaName: ENVIRONMENT_VARIABLES.functionsBaseUrl,
    type: 'String',
    defaultValue: null,
    isRequired: true,
    displayName: { ru: 'ЕЭР 122: адрес функций интеграции', en: 'EER 122: integration functions URL' },
    description: {
      ru: 'Корень API приложения функций, например https://eer122-func.azurewebsites.net/api',
      en: 'API root of the function app, e.g. https://eer122-func.azurewebsites.net/api',
    },
  },
  authClientId: {
    schemaName: ENVIRONMENT_VARIABLES.authClientId,
    type: 'String',
    defaultValue: null,
    isRequired: true,
    displayName: { ru: 'ЕЭР 122: идентификатор клиента Entra ID', en: 'EER 122: Entra ID client id' },
    description: {
      ru: 'Application (client) ID регистрации SPA в Microsoft Entra ID, от имени которой элементы управления получают токен',
      en: 'Application (client) ID of the SPA registration in Microsoft Entra ID the controls sign in with',
    },
  },
  authAuthority: {
    schemaName: ENVIRONMENT_VARIABLES.authAuthority,
    type: 'String',
    defaultValue: null,
    isRequired: true,
    displayName: { ru: 'ЕЭР 122: центр проверки подлинности', en: 'EER 122: sign-in authority' },
    description: {
      ru: 'Адрес клиента (tenant) Entra ID, например https://login.microsoftonline.com/<tenant-id>',
      en: 'Entra ID tenant authority, e.g. https://login.microsoftonline.com/<tenant-id>',
    },
  },
  functionsScope: {
    schemaName: ENVIRONMENT_VARIABLES.functionsScope,
    type: 'String',
    defaultValue: null,
    isRequired: true,
    displayName: { ru: 'ЕЭР 122: область доступа API функций', en: 'EER 122: function app API scope' },
    description: {
      ru: 'Область (scope) API приложения функций, например api://eer-122-functions/access_as_user',
      en: 'Scope of the function app API, e.g. api://eer-122-functions/access_as_user',
    },
  },
  callTimeThresholdSeconds: {
    schemaName: ENVIRONMENT_VARIABLES.callTimeThresholdSeconds,
    type: 'Number',
    defaultValue: '180',
    isRequired: false,
    displayName: { ru: 'ЕЭР 122: норматив времени звонка, с', en: 'EER 122: call time target, s' },
    description: {
      ru: 'После этого времени таймер звонка становится красным (по умолчанию 180 секунд)',
      en: 'After this time the call timer turns red (180 seconds by default)',
    },
  },
  homeVisitHours: {
    schemaName: ENVIRONMENT_VARIABLES.homeVisitHours,
    type: 'JSON',
    defaultValue: JSON.stringify(HOME_VISIT_HOURS_DEFAULT),
    isRequired: false,
    displayName: { ru: 'ЕЭР 122: время приёма вызовов на дом', en: 'EER 122: home-visit request hours' },
    description: {
      ru: 'Часы приёма заявок на вызов врача на дом по дням недели (1 — понедельник … 7 — воскресенье), JSON: {"1":[{"from":"08:00","to":"14:00"}], …}',
      en: 'Hours for accepting home-visit requests per ISO weekday (1 Monday … 7 Sunday), JSON: {"1":[{"from":"08:00","to":"14:00"}], …}',
    },
  },
};
