import * as z from 'zod/mini';

/** UI languages: Russian first (operators), English for admins and logs. */
export const Lang = z.enum(['ru', 'en']);
export type Lang = z.infer<typeof Lang>;

export const LocalizedText = z.object({ ru: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * Texts of our own checks. A schema puts the key in the issue message (`z.regex(re, 'snils.length')`), so an issue
 * stays machine-readable and `describeIssue` renders it in either language. Texts are lower-case: they follow a label.
 */
export const MESSAGES = {
  required: { ru: 'обязательное поле', en: 'is required' },

  'snils.length': { ru: 'должен состоять из 11 цифр', en: 'must be 11 digits' },
  'snils.checksum': { ru: 'неверная контрольная сумма', en: 'wrong checksum' },
  'enp.length': { ru: 'полис единого образца — 16 цифр', en: 'a unified policy number is 16 digits' },
  'enp.checkDigit': { ru: 'неверная контрольная цифра ЕНП', en: 'wrong check digit of the unified policy number' },
  'policy.series': { ru: 'до 10 букв или цифр', en: 'up to 10 letters or digits' },
  'policy.number': { ru: 'от 1 до 16 цифр', en: '1 to 16 digits' },
  'passport.format': {
    ru: 'серия из 4 цифр и номер из 6 цифр, например 45 06 123456',
    en: '4-digit series and 6-digit number, e.g. 45 06 123456',
  },
  'phone.format': {
    ru: 'номер в формате +7XXXXXXXXXX, 8XXXXXXXXXX или 10 цифр',
    en: 'number as +7XXXXXXXXXX, 8XXXXXXXXXX or 10 digits',
  },
  'phone.notMobile': { ru: 'для SMS нужен мобильный номер (+79…)', en: 'SMS needs a mobile number (+79…)' },

  'date.format': { ru: 'дата в формате ГГГГ-ММ-ДД, существующая в календаре', en: 'a real date as YYYY-MM-DD' },
  'dateTime.format': {
    ru: 'дата и время в формате ISO 8601 с часовым поясом',
    en: 'date and time in ISO 8601 with a time zone',
  },
  'time.format': { ru: 'время в формате ЧЧ:ММ', en: 'time as HH:MM' },
  'time.order': { ru: 'окончание должно быть позже начала', en: 'the end must be after the start' },
  'birthDate.future': { ru: 'не может быть в будущем', en: 'cannot be in the future' },
  'birthDate.tooOld': { ru: 'не может быть раньше 1900 года', en: 'cannot be before 1900' },
  'dateRange.order': { ru: 'конец периода раньше начала', en: 'the end of the period is before its start' },
  'dateRange.tooLong': { ru: 'период не длиннее 31 дня', en: 'the period must not exceed 31 days' },

  'name.format': {
    ru: 'только буквы (кириллица или латиница), пробел, дефис и апостроф',
    en: 'letters (Cyrillic or Latin), spaces, hyphens and apostrophes only',
  },
  'name.tooShort': { ru: 'не меньше 2 букв', en: 'at least 2 letters' },
  'id.format': { ru: 'неверный идентификатор', en: 'invalid identifier' },
  'id.mismatch': { ru: 'не совпадает с идентификатором в адресе запроса', en: 'does not match the id in the URL' },
  'clientKey.format': {
    ru: 'от 8 до 64 символов: латиница, цифры, «-», «_»',
    en: '8 to 64 characters: Latin letters, digits, "-", "_"',
  },
  'fias.format': {
    ru: 'GUID ФИАС в формате xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    en: 'FIAS GUID as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
  },
  'email.format': { ru: 'неверный адрес электронной почты', en: 'invalid e-mail address' },
  'url.format': { ru: 'неверный адрес (URL)', en: 'invalid URL' },

  'search.noCriteria': {
    ru: 'укажите хотя бы один критерий поиска: ФИО, дату рождения, полис ОМС, СНИЛС или паспорт',
    en: 'give at least one search criterion: full name, birth date, OMS policy, SNILS or passport',
  },
  'slots.target': { ru: 'укажите врача или специальность', en: 'give a doctor or a specialty' },
  'temperature.range': { ru: 'от 34,0 до 43,0 °C', en: 'from 34.0 to 43.0 °C' },
  'temperature.precision': { ru: 'не больше одного знака после запятой', en: 'at most one decimal place' },
  'appeal.ticketRequired': {
    ru: 'для жалобы на посещение выберите талон',
    en: 'a complaint about a visit needs the ticket',
  },
} as const satisfies Record<string, LocalizedText>;
export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, value);
}

/**
 * Params for a format schema (`z.iso.date`, `z.email`): the key goes on its format issue but not on "missing",
 * which is left to `required`. (A plain string param would label both.)
 */
export function formatError(key: MessageKey): { error: (issue: { readonly code?: string }) => MessageKey | undefined } {
  return { error: (issue) => (issue.code === 'invalid_type' ? undefined : key) };
}

export function message(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/**
 * Field labels. Looked up by the dotted path without indices, longest suffix first
 * (`policy.number`, then `number`), so a nested name can be more precise than its leaf.
 */
export const FIELD_LABELS: Record<string, LocalizedText> = {
  // people and identifiers
  patientId: { ru: 'Пациент', en: 'Patient' },
  misId: { ru: 'Идентификатор пациента в МИС', en: 'Patient MIS ID' },
  patientMisId: { ru: 'Идентификатор пациента в МИС', en: 'Patient MIS ID' },
  patientName: { ru: 'Пациент', en: 'Patient' },
  fullName: { ru: 'ФИО', en: 'Full name' },
  lastName: { ru: 'Фамилия', en: 'Last name' },
  firstName: { ru: 'Имя', en: 'First name' },
  middleName: { ru: 'Отчество', en: 'Middle name' },
  birthDate: { ru: 'Дата рождения', en: 'Birth date' },
  age: { ru: 'Возраст', en: 'Age' },
  sex: { ru: 'Пол', en: 'Sex' },
  snils: { ru: 'СНИЛС', en: 'SNILS' },
  policy: { ru: 'Полис ОМС', en: 'OMS policy' },
  'policy.series': { ru: 'Серия полиса ОМС', en: 'OMS policy series' },
  'policy.number': { ru: 'Номер полиса ОМС', en: 'OMS policy number' },
  passport: { ru: 'Паспорт', en: 'Passport' },
  'passport.series': { ru: 'Серия паспорта', en: 'Passport series' },
  'passport.number': { ru: 'Номер паспорта', en: 'Passport number' },
  phone: { ru: 'Контактный телефон', en: 'Contact phone' },
  smsConsent: { ru: 'Согласие на SMS', en: 'SMS consent' },
  matchedBy: { ru: 'Совпадение по', en: 'Matched by' },
  candidates: { ru: 'Кандидаты', en: 'Candidates' },
  limit: { ru: 'Количество результатов', en: 'Result limit' },
  series: { ru: 'Серия', en: 'Series' },
  number: { ru: 'Номер', en: 'Number' },

  // attachment and reference data
  attachment: { ru: 'Прикрепление', en: 'Attachment' },
  id: { ru: 'Идентификатор', en: 'ID' },
  name: { ru: 'Наименование', en: 'Name' },
  code: { ru: 'Код', en: 'Code' },
  kind: { ru: 'Вид', en: 'Kind' },
  key: { ru: 'Ключ', en: 'Key' },
  okato: { ru: 'ОКАТО', en: 'OKATO' },
  districtId: { ru: 'Район', en: 'District' },
  moId: { ru: 'Медицинская организация', en: 'Medical organisation' },
  moName: { ru: 'Медицинская организация', en: 'Medical organisation' },
  employerMoId: { ru: 'Место работы (МО)', en: 'Employer (medical organisation)' },
  shortName: { ru: 'Краткое наименование', en: 'Short name' },
  departmentId: { ru: 'Отделение', en: 'Department' },
  zoneId: { ru: 'Участок', en: 'Service zone' },
  zoneIds: { ru: 'Участки', en: 'Service zones' },
  zoneName: { ru: 'Участок', en: 'Service zone' },
  areaType: { ru: 'Тип участка', en: 'Zone type' },
  email: { ru: 'Электронная почта', en: 'E-mail' },
  hasHomeVisits: { ru: 'Принимает вызовы на дом', en: 'Takes home visits' },
  hours: { ru: 'Режим работы', en: 'Opening hours' },
  homeVisitHours: { ru: 'Приём вызовов на дом', en: 'Home-visit hours' },
  from: { ru: 'Начало', en: 'From' },
  to: { ru: 'Окончание', en: 'To' },
  // ISO weekdays of WeeklyHours
  1: { ru: 'Понедельник', en: 'Monday' },
  2: { ru: 'Вторник', en: 'Tuesday' },
  3: { ru: 'Среда', en: 'Wednesday' },
  4: { ru: 'Четверг', en: 'Thursday' },
  5: { ru: 'Пятница', en: 'Friday' },
  6: { ru: 'Суббота', en: 'Saturday' },
  7: { ru: 'Воскресенье', en: 'Sunday' },
  specialtyCode: { ru: 'Специальность', en: 'Specialty' },
  specialtyName: { ru: 'Специальность', en: 'Specialty' },

  // address
  address: { ru: 'Адрес', en: 'Address' },
  text: { ru: 'Текст', en: 'Text' },
  'address.text': { ru: 'Адрес', en: 'Address' },
  locality: { ru: 'Населённый пункт', en: 'Locality' },
  street: { ru: 'Улица', en: 'Street' },
  house: { ru: 'Дом', en: 'House' },
  building: { ru: 'Корпус, строение', en: 'Building' },
  apartment: { ru: 'Квартира', en: 'Apartment' },
  fiasHouseGuid: { ru: 'GUID дома по ФИАС', en: 'FIAS house GUID' },
  intercomCode: { ru: 'Код домофона', en: 'Intercom code' },

  // scheduling
  doctorId: { ru: 'Врач', en: 'Doctor' },
  doctorName: { ru: 'Врач', en: 'Doctor' },
  doctors: { ru: 'Врачи', en: 'Doctors' },
  slotId: { ru: 'Время приёма', en: 'Appointment slot' },
  slots: { ru: 'Время приёма', en: 'Slots' },
  days: { ru: 'Дни', en: 'Days' },
  date: { ru: 'Дата', en: 'Date' },
  freeCount: { ru: 'Свободно', en: 'Free' },
  start: { ru: 'Начало', en: 'Start' },
  end: { ru: 'Окончание', en: 'End' },
  room: { ru: 'Кабинет', en: 'Room' },
  status: { ru: 'Статус', en: 'Status' },
  source: { ru: 'Источник записи', en: 'Booking source' },
  ticket: { ru: 'Талон', en: 'Ticket' },
  ticketId: { ru: 'Талон', en: 'Ticket' },
  replacesTicketId: { ru: 'Переносимый талон', en: 'Ticket being replaced' },
  notifySms: { ru: 'Уведомить по SMS', en: 'Notify by SMS' },
  smsSent: { ru: 'SMS отправлено', en: 'SMS sent' },
  reason: { ru: 'Причина', en: 'Reason' },
  clientKey: { ru: 'Ключ запроса', en: 'Request key' },
  // the outbox (requests kept until the MIS, the SMS gateway or the mail server takes them)
  queued: { ru: 'Поставлено в очередь', en: 'Queued' },
  entries: { ru: 'Отправления', en: 'Deliveries' },
  attempts: { ru: 'Попыток', en: 'Attempts' },
  acceptedAt: { ru: 'Принято', en: 'Accepted at' },
  updatedAt: { ru: 'Обновлено', en: 'Updated at' },
  nextAttemptAt: { ru: 'Следующая попытка', en: 'Next attempt at' },
  deliveredAt: { ru: 'Доставлено', en: 'Delivered at' },
  resultId: { ru: 'Номер в МИС', en: 'MIS number' },
  reasonCode: { ru: 'Код причины', en: 'Reason code' },
  by: { ru: 'Выгрузка по', en: 'Export by' },
  format: { ru: 'Формат файла', en: 'File format' },
  department: { ru: 'Отделение', en: 'Department' },
  organisation: { ru: 'Медицинская организация', en: 'Medical organisation' },
  time: { ru: 'Время', en: 'Time' },
  nearest: { ru: 'Ближайшие дни', en: 'Nearest days' },
  extendedTo: { ru: 'Поиск продлён до', en: 'Search extended to' },

  // calls and telephony
  callId: { ru: 'Звонок', en: 'Call' },
  telephonyCallId: { ru: 'Звонок', en: 'Call' },
  eventId: { ru: 'Событие', en: 'Event' },
  type: { ru: 'Тип', en: 'Type' },
  occurredAt: { ru: 'Время события', en: 'Occurred at' },
  callerNumber: { ru: 'Номер звонящего', en: 'Caller number' },
  line: { ru: 'Линия', en: 'Line' },
  ivrDigit: { ru: 'Тема (IVR)', en: 'Topic (IVR)' },
  digit: { ru: 'Тема (IVR)', en: 'Topic (IVR)' },
  topic: { ru: 'Тема', en: 'Topic' },
  operatorId: { ru: 'Оператор', en: 'Operator' },
  claimable: { ru: 'Можно принять', en: 'Claimable' },
  claimed: { ru: 'Принят', en: 'Claimed' },
  waitedSeconds: { ru: 'Ожидание, с', en: 'Waited, s' },
  offeredAt: { ru: 'Поступил', en: 'Offered at' },
  answeredAt: { ru: 'Принят', en: 'Answered at' },
  endedAt: { ru: 'Завершён', en: 'Ended at' },
  callType: { ru: 'Тип обращения', en: 'Call type' },
  comment: { ru: 'Комментарий', en: 'Comment' },
  createdIds: { ru: 'Созданные записи', en: 'Created records' },
  appointmentIds: { ru: 'Записи на приём', en: 'Appointments' },
  homeVisitIds: { ru: 'Вызовы на дом', en: 'Home visits' },
  appealIds: { ru: 'Обращения', en: 'Appeals' },
  vaccinationIds: { ru: 'Записи на вакцинацию', en: 'Vaccination bookings' },
  title: { ru: 'Заголовок', en: 'Title' },
  severity: { ru: 'Важность', en: 'Severity' },
  publishedAt: { ru: 'Опубликовано', en: 'Published at' },
  expiresAt: { ru: 'Показывать до', en: 'Shown until' },
  url: { ru: 'Адрес сервиса', en: 'Service URL' },
  accessToken: { ru: 'Токен доступа', en: 'Access token' },
  accepted: { ru: 'Принято', en: 'Accepted' },
  duplicate: { ru: 'Повтор', en: 'Duplicate' },

  // home visits, appeals, vaccination, SMS
  temperature: { ru: 'Температура', en: 'Temperature' },
  complaints: { ru: 'Жалобы', en: 'Complaints' },
  requestId: { ru: 'Заявка', en: 'Request' },
  emailSent: { ru: 'Письмо в МО отправлено', en: 'E-mail to the organisation sent' },
  acceptingNow: { ru: 'Приём вызовов открыт', en: 'Accepting now' },
  nextOpensAt: { ru: 'Приём вызовов откроется', en: 'Opens next at' },
  reviewCertificate: { ru: 'Справка о рассмотрении обращения', en: 'Review certificate' },
  appealId: { ru: 'Обращение', en: 'Appeal' },
  pointId: { ru: 'Пункт вакцинации', en: 'Vaccination point' },
  capacity: { ru: 'Вместимость', en: 'Capacity' },
  free: { ru: 'Свободно', en: 'Free' },
  position: { ru: 'Должность', en: 'Job title' },
  vaccine: { ru: 'Вакцина', en: 'Vaccine' },
  dose: { ru: 'Доза', en: 'Dose' },
  registrationId: { ru: 'Запись на вакцинацию', en: 'Vaccination booking' },
  version: { ru: 'Версия', en: 'Version' },
  checks: { ru: 'Проверки', en: 'Checks' },
  departmentName: { ru: 'Отделение', en: 'Department' },
  attachmentMoName: { ru: 'МО прикрепления', en: 'Attached to' },
  truncated: { ru: 'Показаны не все', en: 'Truncated' },
  ru: { ru: 'Текст на русском', en: 'Russian text' },
  en: { ru: 'Текст на английском', en: 'English text' },

  // error bodies
  field: { ru: 'Поле', en: 'Field' },
  message: { ru: 'Сообщение', en: 'Message' },
  issues: { ru: 'Ошибки в полях', en: 'Field issues' },
  correlationId: { ru: 'Идентификатор запроса', en: 'Correlation ID' },
  retryable: { ru: 'Можно повторить', en: 'Retryable' },
};

/** Label of a path: longest known dotted suffix (indices dropped), else the last key as is. */
export function fieldLabel(path: readonly PropertyKey[], lang: Lang): string {
  const keys = path.filter((k): k is string => typeof k === 'string');
  for (let i = 0; i < keys.length; i++) {
    const label = FIELD_LABELS[keys.slice(i).join('.')];
    if (label) return label[lang];
  }
  return keys[keys.length - 1] ?? '';
}

/** `['a', 'b', 0, 'c']` → `a.b[0].c`: the form controls use to find the input to mark. */
export function pathToField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export const FieldIssue = z.object({
  /** Path of the bad value, `a.b[0].c`; empty for the whole object. */
  field: z.string(),
  /** Our message key (`snils.checksum`, `required`) or zod's issue code (`too_small`). */
  code: z.string(),
  /** `Label: what is wrong`, in the requested language. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { ru: 'строка', en: 'a string' },
  number: { ru: 'число', en: 'a number' },
  int: { ru: 'целое число', en: 'an integer' },
  boolean: { ru: 'да или нет', en: 'true or false' },
  array: { ru: 'список', en: 'a list' },
  object: { ru: 'объект', en: 'an object' },
  null: { ru: 'пустое значение', en: 'null' },
  date: { ru: 'дата', en: 'a date' },
};

const FORMAT_NAMES: Record<string, LocalizedText> = {
  email: { ru: 'адрес электронной почты', en: 'e-mail address' },
  url: { ru: 'URL', en: 'URL' },
  uuid: { ru: 'UUID', en: 'UUID' },
  guid: { ru: 'GUID', en: 'GUID' },
  date: { ru: 'дата ГГГГ-ММ-ДД', en: 'date YYYY-MM-DD' },
  datetime: { ru: 'дата и время ISO 8601', en: 'ISO 8601 date-time' },
  time: { ru: 'время', en: 'time' },
  regex: { ru: 'шаблон', en: 'pattern' },
};

function bound(n: number | bigint): string {
  return String(n);
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.join(', ') + (values.length > 10 ? ', …' : '');
}

/** Generic text for an issue without one of our keys, from zod's own issue code and parameters. */
function genericText(issue: Issue, lang: Lang): string {
  const ru = lang === 'ru';
  switch (issue.code) {
    case 'invalid_type': {
      const t = TYPE_NAMES[issue.expected];
      if (!t) return ru ? 'отсутствует или имеет неверный тип' : 'is missing or has the wrong type';
      return ru
        ? `отсутствует или неверного типа (ожидается ${t.ru})`
        : `is missing or has the wrong type (expected ${t.en})`;
    }
    case 'too_small': {
      const n = bound(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.exact) return ru ? `должно содержать ровно ${n} симв.` : `must be exactly ${n} characters`;
        if (Number(issue.minimum) <= 1) return ru ? 'не может быть пустым' : 'must not be empty';
        return ru ? `слишком короткое: не меньше ${n} симв.` : `too short: at least ${n} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return ru ? `слишком мало элементов: не меньше ${n}` : `too few items: at least ${n}`;
      }
      if (issue.inclusive === false) return ru ? `должно быть больше ${n}` : `must be greater than ${n}`;
      return ru ? `должно быть не меньше ${n}` : `must be at least ${n}`;
    }
    case 'too_big': {
      const n = bound(issue.maximum);
      if (issue.origin === 'string') {
        if (issue.exact) return ru ? `должно содержать ровно ${n} симв.` : `must be exactly ${n} characters`;
        return ru ? `слишком длинное: не больше ${n} симв.` : `too long: at most ${n} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return ru ? `слишком много элементов: не больше ${n}` : `too many items: at most ${n}`;
      }
      if (issue.inclusive === false) return ru ? `должно быть меньше ${n}` : `must be less than ${n}`;
      return ru ? `должно быть не больше ${n}` : `must be at most ${n}`;
    }
    case 'invalid_format': {
      const f = FORMAT_NAMES[issue.format];
      if (!f) return ru ? 'неверный формат' : 'has an invalid format';
      return ru ? `неверный формат (ожидается ${f.ru})` : `has an invalid format (expected ${f.en})`;
    }
    case 'invalid_value':
      return ru
        ? `недопустимое значение; допустимо: ${listValues(issue.values)}`
        : `has an invalid value; allowed: ${listValues(issue.values)}`;
    case 'unrecognized_keys':
      return ru ? `неизвестные поля: ${issue.keys.join(', ')}` : `unknown fields: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return ru ? `должно быть кратно ${issue.divisor}` : `must be a multiple of ${issue.divisor}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        return ru
          ? `недопустимое значение; допустимо: ${listValues(issue.options)}`
          : `has an invalid value; allowed: ${listValues(issue.options)}`;
      }
      return ru ? 'не подходит ни под один допустимый вариант' : 'matches none of the accepted forms';
    case 'invalid_key':
      return ru ? 'недопустимый ключ' : 'has an invalid key';
    case 'invalid_element':
      return ru ? 'недопустимый элемент' : 'has an invalid element';
    case 'custom':
    default:
      return ru ? 'неверное значение' : 'is invalid';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Key of an issue: ours when the schema set one, else zod's issue code. */
export function issueCode(issue: Issue): string {
  return isMessageKey(issue.message) ? issue.message : issue.code;
}

/** «СНИЛС: неверная контрольная сумма» / "SNILS: wrong checksum"; an issue of the whole object has no label. */
export function describeIssue(issue: Issue, lang: Lang): string {
  const text = isMessageKey(issue.message) ? MESSAGES[issue.message][lang] : genericText(issue, lang);
  const label = fieldLabel(issue.path, lang);
  return label ? `${label}: ${text}` : capitalise(text);
}

/** The branch of a failed union that got furthest: the one whose issues reach deepest. */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestDepth = -1;
  for (const issues of branches) {
    const depth = Math.max(-1, ...issues.map((i) => i.path.length));
    if (issues.length > 0 && depth > bestDepth) {
      best = issues;
      bestDepth = depth;
    }
  }
  return bestDepth > 0 ? best : undefined;
}

function flatten(issue: Issue, prefix: readonly PropertyKey[], out: Issue[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    if (issue.discriminator !== undefined) {
      // an unknown tag: point at the tag field itself
      const onTag = path[path.length - 1] === issue.discriminator;
      out.push({ ...issue, path: onTag ? path : [...path, issue.discriminator] });
      return;
    }
    const branch = closestBranch(issue.errors);
    if (branch) {
      for (const inner of branch) flatten(inner, path, out);
      return;
    }
  }
  out.push({ ...issue, path });
}

/** Every issue of a failed parse as `{field, code, message}` in one language; union failures are opened up. */
export function toFieldIssues(error: { readonly issues: readonly Issue[] }, lang: Lang): FieldIssue[] {
  const flat: Issue[] = [];
  for (const issue of error.issues) flatten(issue, [], flat);
  return flat.map((issue) => ({
    field: pathToField(issue.path),
    code: issueCode(issue),
    message: describeIssue(issue, lang),
  }));
}

/**
 * Parse-time error map: a missing value becomes the `required` key. It must be passed per parse because zod drops an
 * issue's input once the issue is final, after which "missing" and "wrong type" look alike.
 */
export const contractErrorMap: z.core.$ZodErrorMap = (issue) =>
  // an enum or literal left out reports invalid_value, a union of them invalid_union, not invalid_type
  (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && issue.input === undefined
    ? 'required'
    : undefined;

export type Validated<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/** `safeParse` with `contractErrorMap` and the issues already rendered: the usual way to check input. */
export function validate<S extends z.core.$ZodType>(schema: S, data: unknown, lang: Lang): Validated<z.output<S>> {
  const result = z.safeParse(schema, data, { error: contractErrorMap });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toFieldIssues(result.error, lang) };
}
