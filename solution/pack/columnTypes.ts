/**
 * One table of what each column kind is in Entity.xml (`<Type>`), in a control manifest (`of-type`) and on a form
 * (the default control's class id). Class ids are the platform's fixed ids seen in exported forms.
 */
import type { ColumnType } from './model';

export const FORM_CONTROL_CLASS = {
  text: '{4273EDBD-AC1D-40d3-9FB2-095C621B552D}',
  multiline: '{E0DECE4B-6FC8-4A8F-A065-082708572369}',
  url: '{71716B6C-711E-476C-8AB8-5D11542BFB47}',
  whole: '{C6D124CA-7EDA-4A60-AEA9-7FB8D318B68F}',
  decimal: '{C3EFE0C3-0EC6-42BE-8349-CBD9079DFD8E}',
  datetime: '{5B773807-9FB2-42DB-97C3-7A91EFF8ADFF}',
  boolean: '{67FAC785-CD58-4F9F-ABB3-4B7DDC6ED5ED}',
  choice: '{3EF39988-22BB-4F0B-BBBE-64B5A3748AEE}',
  lookup: '{270BD3DB-D9AF-4782-9025-509E298DEC0A}',
  statuscode: '{5D68B988-0661-4db2-BC3E-17598AD3BE6C}',
  subgrid: '{E7A81278-8635-4D9E-8D4D-59480B391C5B}',
} as const;

/** `<Type>` of an attribute in Entity.xml. */
export function entityXmlType(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
      return 'nvarchar';
    case 'multiline':
      return 'ntext';
    case 'whole':
      return 'int';
    case 'decimal':
      return 'decimal';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'bit';
    case 'choice':
      return 'picklist';
    case 'lookup':
      return 'lookup';
  }
}

/** The manifest `of-type` a bound property must have to bind to a column of this type. */
export function pcfType(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
      return { text: 'SingleLine.Text', phone: 'SingleLine.Phone', email: 'SingleLine.Email', url: 'SingleLine.URL' }[type.format ?? 'text'];
    case 'multiline':
      return 'Multiple';
    case 'whole':
      return 'Whole.None';
    case 'decimal':
      return 'Decimal';
    case 'datetime':
      return type.dateOnly ? 'DateAndTime.DateOnly' : 'DateAndTime.DateAndTime';
    case 'boolean':
      return 'TwoOptions';
    case 'choice':
      return 'OptionSet';
    case 'lookup':
      return 'Lookup.Simple';
  }
}

/** Class id of the platform control a plain form cell uses for the column. */
export function formControlClass(type: ColumnType): string {
  if (type.kind === 'text') return type.format === 'url' ? FORM_CONTROL_CLASS.url : FORM_CONTROL_CLASS.text;
  return FORM_CONTROL_CLASS[type.kind];
}
