/**
 * The product's Dataverse tables as data: every column of contract/src/dataverse.ts (the one source of names) with its
 * type, display name and description in Russian and English. The generator turns this into Entity.xml, forms and
 * views; `satisfies` below makes a column missing here (or one the contract does not know) a compile error.
 */
import {
  ANNOUNCEMENT_SEVERITY_VALUES,
  APPEAL_KIND_VALUES,
  APPEAL_KINDS,
  APPEAL_TOPIC_VALUES,
  APPEAL_TOPICS,
  CALL_STATUS_VALUES,
  CHOICES,
  COLUMNS,
  DELIVERY_STATUS_VALUES,
  DOSE_VALUES,
  TABLES,
  VACCINE_VALUES,
  type TableKey,
} from '@eer/contract';
import type { Label } from './config';

export type ChoiceKey = keyof typeof CHOICES;

export type ColumnType =
  | { kind: 'text'; maxLength: number; format?: 'text' | 'phone' | 'email' | 'url' }
  | { kind: 'multiline'; maxLength: number }
  | { kind: 'whole'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number; precision: number }
  | { kind: 'datetime'; dateOnly?: boolean }
  | { kind: 'boolean'; defaultValue: boolean; trueLabel: Label; falseLabel: Label }
  | { kind: 'choice'; choice: ChoiceKey }
  | { kind: 'lookup'; target: TableKey };
export type ColumnKind = ColumnType['kind'];

export interface ColumnDef {
  label: Label;
  description: Label;
  type: ColumnType;
  /** ApplicationRequired in Dataverse ("required"); the form asks for it. */
  required?: boolean;
  /** Only where the schema name is not `eer_` + the contract key in PascalCase. */
  schemaName?: string;
  /** Autonumber format of the primary name of records the operator does not name. */
  autoNumber?: string;
  /** Personal data: field security on (IsSecured), so an admin decides who reads it. */
  personal?: boolean;
}

type ColumnsOf<K extends TableKey> = { [C in keyof (typeof COLUMNS)[K]]: ColumnDef };

export interface TableDef<K extends TableKey = TableKey> {
  key: K;
  schemaName: string;
  label: Label;
  plural: Label;
  description: Label;
  /** Operator records (one per call, appeal…): get a "today" view; reference tables are sorted lists instead. */
  transactional: boolean;
  columns: ColumnsOf<K>;
  /** Columns of the grid views, in order. */
  viewColumns: (keyof (typeof COLUMNS)[K])[];
  /** The column reference views sort by (default: name). */
  sortBy?: keyof (typeof COLUMNS)[K];
}

const L = (ru: string, en: string): Label => ({ ru, en });
const text = (label: Label, description: Label, maxLength: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  label,
  description,
  type: { kind: 'text', maxLength },
  ...extra,
});
const phone = (label: Label, description: Label, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  label,
  description,
  type: { kind: 'text', maxLength: 20, format: 'phone' },
  ...extra,
});
const memo = (label: Label, description: Label, maxLength: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  label,
  description,
  type: { kind: 'multiline', maxLength },
  ...extra,
});
const whole = (label: Label, description: Label, min: number, max: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  label,
  description,
  type: { kind: 'whole', min, max },
  ...extra,
});
const when = (label: Label, description: Label): ColumnDef => ({ label, description, type: { kind: 'datetime' } });
const choice = (label: Label, description: Label, key: ChoiceKey, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  label,
  description,
  type: { kind: 'choice', choice: key },
  ...extra,
});
const YES = L('Да', 'Yes');
const NO = L('Нет', 'No');
const flag = (label: Label, description: Label, defaultValue: boolean): ColumnDef => ({
  label,
  description,
  type: { kind: 'boolean', defaultValue, trueLabel: YES, falseLabel: NO },
});
const isActive = flag(L('Активна', 'Active'), L('Показывается операторам', 'Shown to operators'), true);
const callLookup: ColumnDef = {
  label: L('Звонок', 'Call'),
  description: L('Звонок на линию 122, в ходе которого оформлена запись', 'The line 122 call this record was made in'),
  type: { kind: 'lookup', target: 'call' },
  schemaName: 'eer_CallId',
};
const misId = (label: Label, description: Label) => text(label, description, 100);
const patientMisId = misId(L('ИД пациента в МИС', 'Patient MIS ID'), L('Идентификатор пациента в региональной МИС', 'Patient identifier in the regional MIS'));
const moId = misId(L('ИД медицинской организации', 'Medical organisation ID'), L('Идентификатор МО в региональной МИС', 'Medical organisation identifier in the regional MIS'));
const moName = text(L('Медицинская организация', 'Medical organisation'), L('Наименование МО', 'Name of the medical organisation'), 500);
const deliveryStatus = choice(
  L('Статус передачи', 'Delivery status'),
  L('Принято МИС, доставлено в МО или ошибка передачи', 'Taken by the MIS, delivered to the organisation, or failed'),
  'deliveryStatus',
);
/** Comma-separated ids (controls/shared/pcf/idList.ts appends to them): one line of text, up to Dataverse's 4000. */
const idList = (label: Label, description: Label) => text(label, description, 4000);
const idListMultiline = (label: Label, description: Label) => memo(label, description, 4000);
const recordNumber = (label: Label, format: string): ColumnDef => ({
  label,
  description: L('Номер записи, присваивается автоматически', 'Record number, assigned automatically'),
  // Room for a control's own title (the appeal form names its card «Жалоба: <тема>», up to 200 characters).
  type: { kind: 'text', maxLength: 200 },
  autoNumber: format,
});

const call: TableDef<'call'> = {
  key: 'call',
  schemaName: 'eer_Call',
  label: L('Звонок', 'Call'),
  plural: L('Звонки', 'Calls'),
  description: L('Звонок на линию 122 и что по нему сделано', 'A call on line 122 and what was done on it'),
  transactional: true,
  columns: {
    name: recordNumber(L('Номер звонка', 'Call number'), '122-{DATETIMEUTC:yyyyMMdd}-{SEQNUM:6}'),
    telephonyCallId: text(L('ИД звонка в телефонии', 'Telephony call ID'), L('Идентификатор звонка на телефонной платформе', 'Call identifier on the telephony platform'), 100),
    topic: whole(L('Тема (цифра меню)', 'Topic (menu digit)'), L('Цифра, выбранная звонящим в голосовом меню (1–8)', 'Digit the caller chose in the voice menu (1–8)'), 1, 8),
    callerNumber: phone(L('Номер звонящего', 'Caller number'), L('Номер, с которого звонят; пусто, если скрыт', 'Number the call comes from; empty when withheld'), { personal: true }),
    operatorId: text(L('ИД оператора', 'Operator ID'), L('Оператор, принявший звонок (Entra ID)', 'Operator who took the call (Entra ID)'), 100),
    offeredAt: when(L('Поступил', 'Offered at'), L('Когда звонок поступил операторам', 'When the call was offered to operators')),
    answeredAt: when(L('Принят', 'Answered at'), L('Когда оператор ответил; от него считается время разговора', 'When the operator answered; talk time counts from it')),
    endedAt: when(L('Завершён', 'Ended at'), L('Когда звонок завершён', 'When the call ended')),
    durationSeconds: whole(L('Длительность, с', 'Duration, s'), L('Время разговора в секундах', 'Talk time in seconds'), 0, 86400),
    patientMisId,
    patientName: text(L('Пациент', 'Patient'), L('ФИО пациента, найденного в МИС', 'Full name of the patient found in the MIS'), 300, { personal: true }),
    callType: text(L('Тип обращения', 'Call type'), L('Ключ типа обращения из справочника, указывается при завершении', 'Key of the call type from the reference list, set at wrap-up'), 100),
    comment: memo(L('Комментарий', 'Comment'), L('Комментарий оператора при завершении', 'Operator comment at wrap-up'), 2000),
    status: choice(L('Состояние звонка', 'Call status'), L('Поступил, в работе, завершение, завершён, потерян, отклонён', 'Offered, in progress, wrap-up, completed, abandoned, declined'), 'callStatus'),
    // The slot picker binds this one as multiple lines of text; the other id lists are single-line.
    appointmentIds: idListMultiline(L('Записи на приём', 'Booked appointments'), L('Идентификаторы записей на приём, сделанных в ходе звонка, через запятую', 'IDs of the appointments booked during the call, comma-separated')),
    homeVisitIds: idList(L('Вызовы на дом', 'Home visits'), L('Идентификаторы вызовов на дом, оформленных в ходе звонка, через запятую', 'IDs of the home visits requested during the call, comma-separated')),
    appealIds: idList(L('Обращения', 'Appeals'), L('Идентификаторы обращений, принятых в ходе звонка, через запятую', 'IDs of the appeals filed during the call, comma-separated')),
    vaccinationIds: idList(L('Записи на вакцинацию', 'Vaccinations'), L('Идентификаторы записей на вакцинацию, сделанных в ходе звонка, через запятую', 'IDs of the vaccination registrations made during the call, comma-separated')),
    complaintTicketId: text(
      L('Талон для жалобы', 'Ticket complained about'),
      L('Талон, на посещение по которому оформляется жалоба (передаётся форме обращения)', 'Ticket of the visit being complained about (handed to the appeal form)'),
      100,
    ),
    appealKind: text(
      L('Вид обращения для формы', 'Appeal kind for the form'),
      L('Вид обращения, с которым открыть форму обращения (appeal или complaint)', 'Kind the appeal form opens with (appeal or complaint)'),
      20,
    ),
  },
  viewColumns: ['name', 'offeredAt', 'topic', 'status', 'callType', 'durationSeconds', 'operatorId'],
};

const appeal: TableDef<'appeal'> = {
  key: 'appeal',
  schemaName: 'eer_Appeal',
  label: L('Обращение гражданина', 'Citizen appeal'),
  plural: L('Обращения граждан', 'Citizen appeals'),
  description: L('Обращение или жалоба на медицинскую организацию', 'An appeal or complaint about a medical organisation'),
  transactional: true,
  columns: {
    name: recordNumber(L('Номер обращения', 'Appeal number'), 'A-{DATETIMEUTC:yyyyMMdd}-{SEQNUM:5}'),
    kind: choice(L('Вид', 'Kind'), L('Обращение или жалоба', 'Appeal or complaint'), 'appealKind', { required: true }),
    topic: choice(L('Тема', 'Topic'), L('Тема обращения', 'Topic of the appeal'), 'appealTopic', { required: true }),
    moId,
    moName,
    address: memo(L('Адрес', 'Address'), L('Адрес, к которому относится обращение', 'Address the appeal concerns'), 1000, { personal: true }),
    comment: memo(L('Комментарий', 'Comment'), L('Суть обращения со слов обратившегося', 'The appeal in the caller’s words'), 4000),
    reviewCertificate: flag(L('Справка о рассмотрении обращения', 'Review certificate'), L('Тег «Справка о рассмотрении обращения» проставлен', 'The «review certificate» tag is set'), false),
    ticketId: text(L('Талон', 'Ticket'), L('Талон посещения, на которое жалоба', 'Ticket of the visit complained about'), 100),
    patientMisId,
    misAppealId: misId(L('ИД обращения в МИС', 'MIS appeal ID'), L('Идентификатор обращения в региональной МИС', 'Appeal identifier in the regional MIS')),
    deliveryStatus,
    call: callLookup,
  },
  viewColumns: ['name', 'kind', 'topic', 'moName', 'reviewCertificate', 'deliveryStatus'],
};

const homeVisit: TableDef<'homeVisit'> = {
  key: 'homeVisit',
  schemaName: 'eer_HomeVisit',
  label: L('Вызов врача на дом', 'Home visit request'),
  plural: L('Вызовы врача на дом', 'Home visit requests'),
  description: L('Заявка на вызов врача на дом, переданная в МО', 'A home visit request forwarded to the medical organisation'),
  transactional: true,
  columns: {
    name: recordNumber(L('Номер вызова', 'Request number'), 'HV-{DATETIMEUTC:yyyyMMdd}-{SEQNUM:5}'),
    address: memo(L('Адрес', 'Address'), L('Адрес места нахождения пациента', 'Where the patient is'), 1000, { required: true, personal: true }),
    moId,
    moName,
    zoneName: text(L('Участок', 'Service zone'), L('Участок (зона обслуживания), определённый по адресу', 'Service zone resolved from the address'), 200),
    intercomCode: text(L('Код домофона', 'Intercom code'), L('Код домофона', 'Intercom code'), 20),
    phone: phone(L('Контактный телефон', 'Contact phone'), L('Телефон для связи с пациентом', 'Phone to reach the patient'), { personal: true }),
    temperature: {
      label: L('Температура, °C', 'Temperature, °C'),
      description: L('Температура пациента, 34,0–43,0', 'Patient temperature, 34.0–43.0'),
      type: { kind: 'decimal', min: 34, max: 43, precision: 1 },
    },
    complaints: memo(L('Жалобы', 'Complaints'), L('Жалобы пациента', 'What the patient complains of'), 2000, { required: true, personal: true }),
    patientMisId,
    misRequestId: misId(L('ИД заявки в МИС', 'MIS request ID'), L('Идентификатор заявки в региональной МИС', 'Request identifier in the regional MIS')),
    deliveryStatus,
    call: callLookup,
  },
  viewColumns: ['name', 'moName', 'zoneName', 'deliveryStatus'],
};

const vaccination: TableDef<'vaccination'> = {
  key: 'vaccination',
  schemaName: 'eer_Vaccination',
  label: L('Запись на вакцинацию', 'Vaccination registration'),
  plural: L('Записи на вакцинацию', 'Vaccination registrations'),
  description: L('Запись медицинского работника на вакцинацию', 'Vaccination booking of a medical worker'),
  transactional: true,
  columns: {
    name: recordNumber(L('Номер записи', 'Registration number'), 'V-{DATETIMEUTC:yyyyMMdd}-{SEQNUM:5}'),
    workerName: text(L('Сотрудник', 'Worker'), L('ФИО медицинского работника', 'Full name of the medical worker'), 300, { personal: true }),
    employerMoId: misId(L('ИД организации-работодателя', 'Employer ID'), L('МО, в которой работает сотрудник', 'Medical organisation the worker is employed by')),
    position: text(L('Должность', 'Position'), L('Должность сотрудника', 'Job title'), 200),
    vaccine: choice(L('Вакцина', 'Vaccine'), L('Препарат', 'Vaccine product'), 'vaccine'),
    dose: choice(L('Доза', 'Dose'), L('Первая, вторая или ревакцинация', 'First, second or booster'), 'dose'),
    pointId: misId(L('ИД пункта вакцинации', 'Vaccination point ID'), L('Пункт вакцинации в МИС', 'Vaccination point in the MIS')),
    pointName: text(L('Пункт вакцинации', 'Vaccination point'), L('Наименование пункта вакцинации', 'Name of the vaccination point'), 500),
    slotStart: when(L('Время записи', 'Appointment time'), L('Начало выбранного времени', 'Start of the chosen slot')),
    misRegistrationId: misId(L('ИД записи в МИС', 'MIS registration ID'), L('Идентификатор записи в региональной МИС', 'Registration identifier in the regional MIS')),
    call: callLookup,
  },
  viewColumns: ['name', 'pointName', 'slotStart', 'vaccine', 'dose'],
};

const ivrTopic: TableDef<'ivrTopic'> = {
  key: 'ivrTopic',
  schemaName: 'eer_IvrTopic',
  label: L('Тема голосового меню', 'IVR topic'),
  plural: L('Темы голосового меню', 'IVR topics'),
  description: L('Пункт меню линии 122 и текст приветствия оператора', 'A line 122 menu item and the operator’s greeting script'),
  transactional: false,
  columns: {
    name: text(L('Название', 'Name'), L('Название темы', 'Topic name'), 200, { required: true }),
    digit: whole(L('Цифра меню', 'Menu digit'), L('Цифра тонального набора (1–8)', 'Touch-tone digit (1–8)'), 1, 8, { required: true }),
    greeting: memo(L('Текст приветствия', 'Greeting script'), L('Что оператор говорит, приняв звонок по теме', 'What the operator says on answering a call on this topic'), 4000),
    isActive,
  },
  viewColumns: ['digit', 'name', 'isActive'],
  sortBy: 'digit',
};

const callType: TableDef<'callType'> = {
  key: 'callType',
  schemaName: 'eer_CallType',
  label: L('Тип обращения', 'Call type'),
  plural: L('Типы обращений', 'Call types'),
  description: L('Справочник типов, выбираемых при завершении звонка', 'Types the operator picks when closing a call'),
  transactional: false,
  columns: {
    name: text(L('Название', 'Name'), L('Название типа обращения', 'Call type name'), 200, { required: true }),
    key: text(L('Ключ', 'Key'), L('Неизменный ключ, сохраняется в звонке', 'Stable key stored on the call'), 100, { required: true }),
    sortOrder: whole(L('Порядок', 'Sort order'), L('Порядок в списке', 'Position in the list'), 0, 10000),
    isActive,
  },
  viewColumns: ['sortOrder', 'name', 'key', 'isActive'],
  sortBy: 'sortOrder',
};

const announcement: TableDef<'announcement'> = {
  key: 'announcement',
  schemaName: 'eer_Announcement',
  label: L('Объявление', 'Announcement'),
  plural: L('Объявления', 'Announcements'),
  description: L('Важная информация в стартовом окне оператора', 'News on the operator’s start window'),
  transactional: false,
  columns: {
    name: text(L('Заголовок', 'Title'), L('Заголовок объявления', 'Announcement title'), 200, { required: true }),
    text: memo(L('Текст', 'Text'), L('Текст объявления', 'Announcement text'), 4000, { required: true }),
    severity: choice(L('Важность', 'Severity'), L('Информация, предупреждение или срочно', 'Info, warning or urgent'), 'announcementSeverity', { required: true }),
    publishedAt: when(L('Опубликовано', 'Published at'), L('Когда объявление опубликовано', 'When the announcement was published')),
    expiresAt: when(L('Показывать до', 'Shown until'), L('После этого момента объявление не показывается', 'Not shown after this moment')),
    isActive: flag(L('Активно', 'Active'), L('Показывается операторам', 'Shown to operators'), true),
  },
  viewColumns: ['name', 'severity', 'publishedAt', 'expiresAt', 'isActive'],
  sortBy: 'publishedAt',
};

const infoArticle: TableDef<'infoArticle'> = {
  key: 'infoArticle',
  schemaName: 'eer_InfoArticle',
  label: L('Информационная статья', 'Information article'),
  plural: L('Информационные статьи', 'Information articles'),
  description: L('Справочная информация для ответа звонящим (COVID-19, диспансеризация)', 'Reference information for callers (COVID-19, check-ups)'),
  transactional: false,
  columns: {
    name: text(L('Заголовок', 'Title'), L('Заголовок статьи', 'Article title'), 200, { required: true }),
    topic: whole(L('Тема (цифра меню)', 'Topic (menu digit)'), L('Тема голосового меню, к которой относится статья', 'Voice menu topic the article belongs to'), 1, 8),
    text: memo(L('Текст', 'Text'), L('Текст статьи', 'Article text'), 20000, { required: true }),
    minAge: whole(L('Возраст от', 'Age from'), L('Наименьший возраст, к которому относится статья', 'Lowest age the article applies to'), 0, 150),
    maxAge: whole(L('Возраст до', 'Age to'), L('Наибольший возраст, к которому относится статья', 'Highest age the article applies to'), 0, 150),
    isActive,
  },
  viewColumns: ['name', 'topic', 'minAge', 'maxAge', 'isActive'],
  sortBy: 'topic',
};

const narrowSpecialty: TableDef<'narrowSpecialty'> = {
  key: 'narrowSpecialty',
  schemaName: 'eer_NarrowSpecialty',
  label: L('Узкая специальность', 'Narrow specialty'),
  plural: L('Узкие специальности', 'Narrow specialties'),
  description: L('Специальности для записи к узким специалистам', 'Specialties offered for booking with specialists'),
  transactional: false,
  columns: {
    name: text(L('Название', 'Name'), L('Название специальности', 'Specialty name'), 200, { required: true }),
    code: text(L('Код', 'Code'), L('Код специальности в МИС', 'Specialty code in the MIS'), 100, { required: true }),
    sortOrder: whole(L('Порядок', 'Sort order'), L('Порядок в списке', 'Position in the list'), 0, 10000),
    isActive,
  },
  viewColumns: ['sortOrder', 'name', 'code', 'isActive'],
  sortBy: 'sortOrder',
};

export const TABLE_DEFS: { [K in TableKey]: TableDef<K> } = {
  call,
  appeal,
  homeVisit,
  vaccination,
  ivrTopic,
  callType,
  announcement,
  infoArticle,
  narrowSpecialty,
};

export interface ChoiceDef {
  name: string;
  label: Label;
  description: Label;
  options: { key: string; value: number; label: Label }[];
}

function options<K extends string>(values: Record<K, number>, labels: Record<K, Label>): ChoiceDef['options'] {
  return (Object.keys(values) as K[]).map((key) => ({ key, value: values[key], label: labels[key] }));
}
const fromContract = (labels: Record<string, { ru: string; en: string }>) => labels as Record<string, Label>;

export const CHOICE_DEFS: Record<ChoiceKey, ChoiceDef> = {
  callStatus: {
    name: CHOICES.callStatus,
    label: L('Состояние звонка', 'Call status'),
    description: L('Этапы звонка на линии 122', 'Stages of a line 122 call'),
    options: options(CALL_STATUS_VALUES, {
      offered: L('Поступил', 'Offered'),
      in_progress: L('В работе', 'In progress'),
      wrap_up: L('Завершение', 'Wrap-up'),
      completed: L('Завершён', 'Completed'),
      abandoned: L('Потерян', 'Abandoned'),
      declined: L('Отклонён', 'Declined'),
    }),
  },
  deliveryStatus: {
    name: CHOICES.deliveryStatus,
    label: L('Статус передачи', 'Delivery status'),
    description: L('Как прошла передача заявки в МИС и МО', 'How forwarding to the MIS and the organisation went'),
    options: options(DELIVERY_STATUS_VALUES, {
      accepted: L('Принято МИС', 'Accepted by the MIS'),
      delivered: L('Доставлено в МО', 'Delivered to the organisation'),
      failed: L('Ошибка передачи', 'Delivery failed'),
    }),
  },
  appealKind: {
    name: CHOICES.appealKind,
    label: L('Вид обращения', 'Appeal kind'),
    description: L('Обращение или жалоба', 'Appeal or complaint'),
    options: options(APPEAL_KIND_VALUES, fromContract(APPEAL_KINDS)),
  },
  appealTopic: {
    name: CHOICES.appealTopic,
    label: L('Тема обращения', 'Appeal topic'),
    description: L('Темы обращений граждан', 'Topics of citizen appeals'),
    options: options(APPEAL_TOPIC_VALUES, fromContract(APPEAL_TOPICS)),
  },
  announcementSeverity: {
    name: CHOICES.announcementSeverity,
    label: L('Важность объявления', 'Announcement severity'),
    description: L('Как выделять объявление в стартовом окне', 'How the start window highlights an announcement'),
    options: options(ANNOUNCEMENT_SEVERITY_VALUES, {
      info: L('Информация', 'Info'),
      warning: L('Предупреждение', 'Warning'),
      urgent: L('Срочно', 'Urgent'),
    }),
  },
  vaccine: {
    name: CHOICES.vaccine,
    label: L('Вакцина', 'Vaccine'),
    description: L('Препараты для вакцинации', 'Vaccine products'),
    options: options(VACCINE_VALUES, {
      sputnik_v: L('Гам-КОВИД-Вак (Спутник V)', 'Gam-COVID-Vac (Sputnik V)'),
      sputnik_light: L('Спутник Лайт', 'Sputnik Light'),
      epivaccorona: L('ЭпиВакКорона', 'EpiVacCorona'),
      kovivac: L('КовиВак', 'CoviVac'),
      influenza: L('Вакцина против гриппа', 'Influenza vaccine'),
    }),
  },
  dose: {
    name: CHOICES.dose,
    label: L('Доза', 'Dose'),
    description: L('Какая по счёту доза', 'Which dose'),
    options: options(DOSE_VALUES, {
      '1': L('Первая доза', 'First dose'),
      '2': L('Вторая доза', 'Second dose'),
      booster: L('Ревакцинация', 'Booster'),
    }),
  },
};

/** Schema name of a column: explicit, or `eer_` + the contract key in PascalCase (its lower case is the logical name). */
export function columnSchemaName(key: string, def: ColumnDef, logicalName: string): string {
  const schema = def.schemaName ?? `eer_${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  if (schema.toLowerCase() !== logicalName) throw new Error(`schema name ${schema} does not match logical name ${logicalName}`);
  return schema;
}

export interface ResolvedColumn extends ColumnDef {
  key: string;
  logicalName: string;
  schemaName: string;
}

export interface ResolvedTable extends Omit<TableDef, 'columns' | 'viewColumns' | 'sortBy'> {
  logicalName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  columns: ResolvedColumn[];
  viewColumns: string[];
  sortBy: string;
}

/** Dataverse pluralises the entity set name: -y → -ies, -s → -ses, otherwise -s. */
export function entitySetName(logicalName: string): string {
  if (/[^aeiou]y$/.test(logicalName)) return logicalName.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(logicalName)) return logicalName + 'es';
  return logicalName + 's';
}

/** Every table with contract names attached, in TABLES order. */
export function resolvedTables(): ResolvedTable[] {
  return (Object.keys(TABLES) as TableKey[]).map((key) => {
    const def = TABLE_DEFS[key] as unknown as TableDef;
    const names = COLUMNS[key] as Record<string, string>;
    const logicalName = TABLES[key];
    if (def.schemaName.toLowerCase() !== logicalName) throw new Error(`table ${def.schemaName} does not match ${logicalName}`);
    const columns = Object.entries(names).map(([columnKey, columnLogical]) => {
      const c = (def.columns as Record<string, ColumnDef>)[columnKey];
      if (!c) throw new Error(`no definition for ${logicalName}.${columnLogical}`);
      return { ...c, key: columnKey, logicalName: columnLogical, schemaName: columnSchemaName(columnKey, c, columnLogical) };
    });
    const logicalOf = (k: string) => names[k] ?? (() => { throw new Error(`unknown column ${k} in ${logicalName}`); })();
    return {
      key,
      schemaName: def.schemaName,
      label: def.label,
      plural: def.plural,
      description: def.description,
      transactional: def.transactional,
      logicalName,
      entitySetName: entitySetName(logicalName),
      primaryIdAttribute: `${logicalName}id`,
      columns,
      viewColumns: (def.viewColumns as string[]).map(logicalOf),
      sortBy: logicalOf((def.sortBy as string | undefined) ?? 'name'),
    };
  });
}
