/**
 * Dataverse names shared by the controls (webAPI, bound columns), the solution source and the operator desk.
 * One place, so a wrong column name cannot hide: the solution's Entity.xml files must define exactly these.
 * Publisher prefix `eer`, option-value prefix 12212 (pcf.config.json): choice values start at 122120000.
 */
import type { AppealKind, AppealTopic } from './appeal';
import type { CallStatus } from './call';
import type { WeeklyHours } from './reference';
import type { AnnouncementSeverity } from './telephony';
import type { Vaccine } from './vaccination';

export const TABLES = {
  call: 'eer_call',
  appeal: 'eer_appeal',
  homeVisit: 'eer_homevisit',
  vaccination: 'eer_vaccination',
  ivrTopic: 'eer_ivrtopic',
  callType: 'eer_calltype',
  announcement: 'eer_announcement',
  infoArticle: 'eer_infoarticle',
  narrowSpecialty: 'eer_narrowspecialty',
} as const;
export type TableKey = keyof typeof TABLES;

/** Logical column names per table (primary name column first). */
export const COLUMNS = {
  call: {
    name: 'eer_name',
    telephonyCallId: 'eer_telephonycallid',
    topic: 'eer_topic',
    callerNumber: 'eer_callernumber',
    operatorId: 'eer_operatorid',
    offeredAt: 'eer_offeredat',
    answeredAt: 'eer_answeredat',
    endedAt: 'eer_endedat',
    durationSeconds: 'eer_durationseconds',
    patientMisId: 'eer_patientmisid',
    patientName: 'eer_patientname',
    callType: 'eer_calltype',
    comment: 'eer_comment',
    status: 'eer_status',
    appointmentIds: 'eer_appointmentids',
    homeVisitIds: 'eer_homevisitids',
    appealIds: 'eer_appealids',
    vaccinationIds: 'eer_vaccinationids',
    /** Hand-over between controls on the call form: «complaint about the visit» in the slot picker fills these… */
    complaintTicketId: 'eer_complaintticketid',
    /** …and the appeal form reads them (the kind as the contract's AppealKind text, e.g. 'complaint'). */
    appealKind: 'eer_appealkind',
  },
  appeal: {
    name: 'eer_name',
    kind: 'eer_kind',
    topic: 'eer_topic',
    moId: 'eer_moid',
    moName: 'eer_moname',
    address: 'eer_address',
    comment: 'eer_comment',
    reviewCertificate: 'eer_reviewcertificate',
    ticketId: 'eer_ticketid',
    patientMisId: 'eer_patientmisid',
    misAppealId: 'eer_misappealid',
    deliveryStatus: 'eer_deliverystatus',
    call: 'eer_callid',
  },
  homeVisit: {
    name: 'eer_name',
    address: 'eer_address',
    moId: 'eer_moid',
    moName: 'eer_moname',
    zoneName: 'eer_zonename',
    intercomCode: 'eer_intercomcode',
    phone: 'eer_phone',
    temperature: 'eer_temperature',
    complaints: 'eer_complaints',
    patientMisId: 'eer_patientmisid',
    misRequestId: 'eer_misrequestid',
    deliveryStatus: 'eer_deliverystatus',
    call: 'eer_callid',
  },
  vaccination: {
    name: 'eer_name',
    workerName: 'eer_workername',
    employerMoId: 'eer_employermoid',
    position: 'eer_position',
    vaccine: 'eer_vaccine',
    dose: 'eer_dose',
    pointId: 'eer_pointid',
    pointName: 'eer_pointname',
    slotStart: 'eer_slotstart',
    misRegistrationId: 'eer_misregistrationid',
    call: 'eer_callid',
  },
  ivrTopic: { name: 'eer_name', digit: 'eer_digit', greeting: 'eer_greeting', isActive: 'eer_isactive' },
  callType: { name: 'eer_name', key: 'eer_key', sortOrder: 'eer_sortorder', isActive: 'eer_isactive' },
  announcement: { name: 'eer_name', text: 'eer_text', severity: 'eer_severity', publishedAt: 'eer_publishedat', expiresAt: 'eer_expiresat', isActive: 'eer_isactive' },
  infoArticle: { name: 'eer_name', topic: 'eer_topic', text: 'eer_text', minAge: 'eer_minage', maxAge: 'eer_maxage', isActive: 'eer_isactive' },
  narrowSpecialty: { name: 'eer_name', code: 'eer_code', sortOrder: 'eer_sortorder', isActive: 'eer_isactive' },
} as const satisfies Record<TableKey, Record<string, string>>;

export const OPTION_VALUE_PREFIX = 12212;
const option = (n: number) => OPTION_VALUE_PREFIX * 10000 + n;

/** Choice values of eer_call.eer_status. */
export const CALL_STATUS_VALUES = {
  offered: option(0),
  in_progress: option(1),
  wrap_up: option(2),
  completed: option(3),
  abandoned: option(4),
  declined: option(5),
} as const satisfies Record<CallStatus, number>;

export function callStatusFromValue(value: number | null | undefined): CallStatus | null {
  const found = (Object.keys(CALL_STATUS_VALUES) as CallStatus[]).find((k) => CALL_STATUS_VALUES[k] === value);
  return found ?? null;
}

/** Choice values of the delivery status columns (home visit, appeal): accepted, delivered, failed. */
export const DELIVERY_STATUS_VALUES = { accepted: option(10), delivered: option(11), failed: option(12) } as const;

/** Choice values of eer_appeal.eer_kind. */
export const APPEAL_KIND_VALUES = { appeal: option(20), complaint: option(21) } as const satisfies Record<AppealKind, number>;

/** Choice values of eer_appeal.eer_topic. */
export const APPEAL_TOPIC_VALUES = {
  quality_of_care: option(30),
  appointment_availability: option(31),
  staff_conduct: option(32),
  medicines: option(33),
  home_visit: option(34),
  vaccination: option(35),
  checkups: option(36),
  complaint_about_visit: option(37),
  other: option(38),
  volunteer_help: option(39),
} as const satisfies Record<AppealTopic, number>;

/** Choice values of eer_announcement.eer_severity. */
export const ANNOUNCEMENT_SEVERITY_VALUES = { info: option(40), warning: option(41), urgent: option(42) } as const satisfies Record<
  AnnouncementSeverity,
  number
>;

/** Choice values of eer_vaccination.eer_vaccine. */
export const VACCINE_VALUES = {
  sputnik_v: option(50),
  sputnik_light: option(51),
  epivaccorona: option(52),
  kovivac: option(53),
  influenza: option(54),
} as const satisfies Record<Vaccine, number>;

/** Choice values of eer_vaccination.eer_dose (the contract's Dose: 1, 2 or 'booster'). */
export const DOSE_VALUES = { '1': option(60), '2': option(61), booster: option(62) } as const;

/** Global choices (option sets) of the solution, by the contract name of their values. */
export const CHOICES = {
  callStatus: 'eer_callstatus',
  deliveryStatus: 'eer_deliverystatus',
  appealKind: 'eer_appealkind',
  appealTopic: 'eer_appealtopic',
  announcementSeverity: 'eer_announcementseverity',
  vaccine: 'eer_vaccine',
  dose: 'eer_dose',
} as const;

/** The contract key behind a choice value, or null when the value is not one of them. */
export function choiceKey<K extends string>(values: Record<K, number>, value: number | null | undefined): K | null {
  const found = (Object.keys(values) as K[]).find((k) => values[k] === value);
  return found ?? null;
}

/** Environment variable schema names (read by the controls, defined by the solution). */
export const ENVIRONMENT_VARIABLES = {
  functionsBaseUrl: 'eer_FunctionsBaseUrl',
  authClientId: 'eer_AuthClientId',
  authAuthority: 'eer_AuthAuthority',
  functionsScope: 'eer_FunctionsScope',
  callTimeThresholdSeconds: 'eer_CallTimeThresholdSeconds',
  homeVisitHours: 'eer_HomeVisitHours',
} as const;

/** Dataverse `environmentvariabledefinition.type` values. */
export const ENVIRONMENT_VARIABLE_TYPES = { String: 100000000, Number: 100000001, Boolean: 100000002, JSON: 100000003 } as const;

/** What the solution defines for each environment variable; the controls read the values (current value over default). */
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
export const HOME_VISIT_HOURS_DEFAULT: WeeklyHours = {
  1: [{ from: '08:00', to: '14:00' }],
  2: [{ from: '08:00', to: '14:00' }],
  3: [{ from: '08:00', to: '14:00' }],
  4: [{ from: '08:00', to: '14:00' }],
  5: [{ from: '08:00', to: '14:00' }],
  6: [{ from: '09:00', to: '12:00' }],
  7: [],
};

export const ENVIRONMENT_VARIABLE_DEFINITIONS: Record<keyof typeof ENVIRONMENT_VARIABLES, EnvironmentVariableDefinition> = {
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
