/**
 * Where each control sits and what it binds to: the only thing a new control needs to appear on a form.
 * Bound properties name contract column keys of the form's table (a wrong key is a compile error); their types are
 * checked against the control's manifest when the form is generated (a wrong type fails generation and the tests).
 * The main form layouts (tabs, sections, plain columns) of every table are here too.
 */
import type { COLUMNS, TableKey } from '@eer/contract';
import type { Label } from './config';

type ColumnKey<K extends TableKey> = keyof (typeof COLUMNS)[K] & string;

export interface Placement<K extends TableKey = TableKey> {
  /** Folder of the control under controls/. */
  control: string;
  table: K;
  /** Tab id in the table's form layout; the control gets its own full-width section at the top of the tab. */
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
  name: Label;
  description: Label;
  tabs: TabLayout<K>[];
}

const L = (ru: string, en: string): Label => ({ ru, en });
const placement = <K extends TableKey>(p: Placement<K>): Placement => p as unknown as Placement;
const layout = <K extends TableKey>(f: FormLayout<K>): FormLayout => f as unknown as FormLayout;

/** Every control on a form. A control under controls/ with no placement fails the solution tests. */
export const PLACEMENTS: Placement[] = [
  placement({
    control: 'CallPanel',
    table: 'call',
    tab: 'call',
    label: L('Панель звонка', 'Call panel'),
    bind: { status: 'status', topic: 'topic', answeredAt: 'answeredAt' },
    inputs: { thresholdSeconds: 180 },
    blockedBy:
      'CallPanel declares status as SingleLine.Text, but eer_call.eer_status is a choice (contract CALL_STATUS_VALUES): ' +
      'its manifest needs of-type="OptionSet" for the property bound to eer_status',
  }),
];

/**
 * The call form is the operator's workspace (the start window and every step of the manual, one tab each);
 * the other tables get a plain form with their columns.
 */
export const FORM_LAYOUTS: FormLayout[] = [
  layout({
    table: 'call',
    name: L('Рабочее место оператора', 'Operator workspace'),
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
      {
        id: 'patient',
        label: L('Обращение', 'Patient'),
        sections: [{ id: 'patient_found', label: L('Пациент', 'Patient'), columns: ['patientMisId', 'patientName'] }],
      },
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
