/**
 * Where each control sits and what it binds to: the only thing a new control needs to appear on a form.
 * Bound properties name contract column keys of the form's table (a wrong key is a compile error); their types are
 * checked against the control's manifest when the form is generated (a wrong type fails generation and the tests).
 * The main form layouts (tabs, sections, plain columns) of every table are here too.
 */
import { TABLES, type COLUMNS, type TableKey } from '@eer/contract';
import { formGuid } from './common';
import type { Label } from './config';

type ColumnKey<K extends TableKey> = keyof (typeof COLUMNS)[K] & string;

export interface Placement<K extends TableKey = TableKey> {
  /** Folder of the control under controls/. */
  control: string;
  table: K;
  /** Which main form of the table (FormLayout.key); `main` by default. */
  form?: string;
  /** Tab id in the form layout; the control gets its own full-width section at the top of the tab. */
  tab: string;
  /** The label of the cell (hidden: the control draws its own header). */
  label: Label;
  /** Bound manifest property → column of the table. The first bound property of the manifest is the cell's field. */
  bind: Partial<Record<string, ColumnKey<K>>>;
  /** Input manifest property → static value. Per-environment settings come from environment variables instead. */
  inputs?: Record<string, string | number | boolean>;
  /**
   * Why the placement cannot be generated yet (the control's manifest disagrees with the column). The control still
   * ships in Controls/, only not on the form; a test fails once the manifest is fixed, so this is removed then.
   */
  blockedBy?: string;
}

export interface SectionLayout<K extends TableKey = TableKey> {
  id: string;
  label: Label;
  /** Plain columns, each with the platform's default control. */
  columns: ColumnKey<K>[];
}

export interface TabLayout<K extends TableKey = TableKey> {
  id: string;
  label: Label;
  sections: SectionLayout<K>[];
}

export interface FormLayout<K extends TableKey = TableKey> {
  table: K;
  /** `main` for the default form; other keys for further main forms of the table. */
  key: string;
  /** The form opened by default (DisplayConditions Order 0, fallback form): one per table. */
  isDefault: boolean;
  name: Label;
  description: Label;
  tabs: TabLayout<K>[];
}

const L = (ru: string, en: string): Label => ({ ru, en });
/** The two main forms of eer_call: the call form (default) and the start window (opened from the site map). */
export const CALL_FORM_ID = formGuid(TABLES.call, 'main');
export const START_WINDOW_FORM_ID = formGuid(TABLES.call, 'startWindow');
const placement = <K extends TableKey>(p: Placement<K>): Placement => p as unknown as Placement;
const layout = <K extends TableKey>(f: FormLayout<K>): FormLayout => f as unknown as FormLayout;

/** Every control on a form. A control under controls/ with no placement fails the solution tests. */
export const PLACEMENTS: Placement[] = [
  // The call panel waits for calls on the start window and runs the call on the call form; it opens one from the other.
  ...(['startWindow', 'main'] as const).map((form) =>
    placement({
      control: 'CallPanel',
      table: 'call',
      form,
      tab: form === 'main' ? 'call' : 'start',
      label: L('Панель звонка', 'Call panel'),
      bind: {
        status: 'status',
        telephonyCallId: 'telephonyCallId',
        topic: 'topic',
        callerNumber: 'callerNumber',
        answeredAt: 'answeredAt',
        endedAt: 'endedAt',
        durationSeconds: 'durationSeconds',
        callType: 'callType',
        comment: 'comment',
        patientName: 'patientName',
      },
      inputs: {
        surface: form === 'main' ? 'callForm' : 'workspace',
        greeting: 'Здравствуйте! Единая линия 122, оператор слушает.',
        thresholdSeconds: 180,
        callFormId: CALL_FORM_ID,
        workspaceTable: TABLES.call,
        workspaceFormId: START_WINDOW_FORM_ID,
      },
    }),
  ),
  placement({
    control: 'PatientSearch',
    table: 'call',
    tab: 'patient',
    label: L('Поиск пациента', 'Patient search'),
    bind: { patientMisId: 'patientMisId', patientName: 'patientName', callerNumber: 'callerNumber' },
    inputs: { resultLimit: 10, searchDelayMs: 300, preIdentify: 'on' },
  }),
  placement({
    control: 'SlotPicker',
    table: 'call',
    tab: 'appointment',
    label: L('Запись на приём', 'Appointment booking'),
    bind: {
      appointmentIds: 'appointmentIds',
      patientMisId: 'patientMisId',
      patientName: 'patientName',
      complaintTicketId: 'complaintTicketId',
      appealKind: 'appealKind',
    },
    inputs: { defaultMode: 'district', periodDays: 14, ticketHistoryDays: 30 },
  }),
  placement({
    control: 'HomeVisitForm',
    table: 'call',
    tab: 'homeVisit',
    label: L('Вызов врача на дом', 'Home visit request'),
    bind: { homeVisitIds: 'homeVisitIds', patientMisId: 'patientMisId', patientName: 'patientName', callId: 'telephonyCallId' },
    inputs: { addressDelayMs: 700, temperature: 'optional' },
  }),
  placement({
    control: 'AppealForm',
    table: 'call',
    tab: 'appeal',
    label: L('Обращение гражданина', 'Citizen appeal'),
    bind: {
      appealIds: 'appealIds',
      patientMisId: 'patientMisId',
      patientName: 'patientName',
      callId: 'telephonyCallId',
      complaintTicketId: 'complaintTicketId',
      appealKind: 'appealKind',
    },
    inputs: { defaultKind: 'appeal' },
  }),
  placement({
    control: 'InfoPanel',
    table: 'call',
    tab: 'info',
    label: L('Справочная информация', 'Reference information'),
    bind: { topic: 'topic', appealIds: 'appealIds', patientMisId: 'patientMisId', patientName: 'patientName', callId: 'telephonyCallId' },
    inputs: { defaultTab: 'auto', volunteerMinAge: 65 },
  }),
  placement({
    control: 'VaccinationForm',
    table: 'call',
    tab: 'vaccination',
    label: L('Запись на вакцинацию', 'Vaccination booking'),
    bind: { vaccinationIds: 'vaccinationIds', callId: 'telephonyCallId' },
    inputs: { slotDays: 14 },
  }),
];

/**
 * The call form is the operator's workspace (the start window and every step of the manual, one tab each);
 * the other tables get a plain form with their columns.
 */
export const FORM_LAYOUTS: FormLayout[] = [
  layout({
    table: 'call',
    key: 'startWindow',
    isDefault: false,
    name: L('Стартовое окно', 'Start window'),
    description: L(
      'Стартовое окно оператора: ожидание и приём входящих звонков, объявления и справочная информация',
      'The operator’s start window: waiting for and taking incoming calls, announcements and reference information',
    ),
    tabs: [{ id: 'start', label: L('Стартовое окно', 'Start window'), sections: [] }],
  }),
  layout({
    table: 'call',
    key: 'main',
    isDefault: true,
    name: L('Звонок', 'Call'),
    description: L('Звонок на линию 122: от входящего вызова до завершения', 'A line 122 call from the incoming call to wrap-up'),
    tabs: [
      {
        id: 'call',
        label: L('Звонок', 'Call'),
        sections: [
          {
            id: 'call_details',
            label: L('Сведения о звонке', 'Call details'),
            columns: ['name', 'topic', 'callerNumber', 'offeredAt', 'answeredAt', 'operatorId', 'telephonyCallId'],
          },
        ],
      },
      { id: 'patient', label: L('Обращение', 'Patient'), sections: [] },
      { id: 'appointment', label: L('Запись на приём', 'Appointment'), sections: [] },
      { id: 'homeVisit', label: L('Вызов на дом', 'Home visit'), sections: [] },
      { id: 'appeal', label: L('Обращения граждан', 'Citizen appeals'), sections: [] },
      { id: 'vaccination', label: L('Вакцинация', 'Vaccination'), sections: [] },
      { id: 'info', label: L('Информация', 'Information'), sections: [] },
      {
        id: 'wrapUp',
        label: L('Завершение', 'Wrap-up'),
        sections: [
          { id: 'wrapup_type', label: L('Завершение обращения', 'Closing the call'), columns: ['callType', 'comment', 'endedAt', 'durationSeconds'] },
          {
            id: 'wrapup_done',
            label: L('Сделано в ходе звонка', 'Done during the call'),
            columns: ['appointmentIds', 'homeVisitIds', 'appealIds', 'vaccinationIds'],
          },
        ],
      },
    ],
  }),
];
