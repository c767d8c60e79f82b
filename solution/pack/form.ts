/**
 * Main forms. Plain columns get the platform's default control; each placed PCF control gets a cell on its first
 * bound column plus a controlDescription naming every manifest property, for the web, tablet and phone form factors.
 * The bindings are checked against the control's manifest here, so a wrong column or type fails generation.
 */
import { TABLES, type TableKey } from '@eer/contract';
import { braced, formGuid, INTRODUCED_VERSION, labelEls, labelList, stableGuid, XSI } from './common';
import type { Label } from './config';
import { FORM_CONTROL_CLASS, formControlClass, pcfType } from './columnTypes';
import type { ControlInfo } from './controls';
import type { ResolvedColumn, ResolvedTable } from './model';
import { FORM_LAYOUTS, PLACEMENTS, type FormLayout, type Placement } from './placements';
import { el, text, type XmlElement } from './xml';

const FORM_FACTORS = [0, 1, 2] as const;
const L = (ru: string, en: string): Label => ({ ru, en });

/** One bound or static parameter of a placed control, checked against its manifest. */
export interface ResolvedBinding {
  property: string;
  /** The manifest type the form declares for it (bound: the column's PCF type). */
  type: string;
  /** Bound: the column logical name; static: the value. */
  value: string;
  isStatic: boolean;
}

export interface ResolvedPlacement {
  placement: Placement;
  control: ControlInfo;
  /** The column the cell sits on: the first bound property of the manifest. */
  field: ResolvedColumn;
  bindings: ResolvedBinding[];
}

/** Checks a placement against the control's manifest and the table's columns; throws naming what is wrong. */
export function resolvePlacement(placement: Placement, control: ControlInfo, table: ResolvedTable): ResolvedPlacement {
  const where = `${placement.control} on ${table.logicalName}`;
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const bindings: ResolvedBinding[] = [];
  for (const property of Object.keys(placement.bind)) {
    if (!control.properties.some((p) => p.name === property)) throw new Error(`${where}: the manifest has no property ${property}`);
  }
  for (const property of Object.keys(placement.inputs ?? {})) {
    if (!control.properties.some((p) => p.name === property)) throw new Error(`${where}: the manifest has no property ${property}`);
  }
  let field: ResolvedColumn | undefined;
  for (const p of control.properties) {
    if (p.usage === 'output') continue;
    const columnKey = placement.bind[p.name];
    if (columnKey !== undefined) {
      const column = byKey.get(columnKey);
      if (!column) throw new Error(`${where}: ${p.name} binds to ${columnKey}, not a column of ${table.logicalName}`);
      const type = pcfType(column.type);
      if (!p.types.includes(type)) {
        throw new Error(`${where}: ${p.name} is ${p.types.join('|')} but ${column.logicalName} is ${type}`);
      }
      bindings.push({ property: p.name, type, value: column.logicalName, isStatic: false });
      if (p.usage === 'bound' && !field) field = column;
      continue;
    }
    const value = placement.inputs?.[p.name];
    if (value !== undefined) {
      if (p.usage === 'bound') throw new Error(`${where}: ${p.name} is a bound property and needs a column, not a static value`);
      if (p.enumValues && !p.enumValues.includes(String(value))) throw new Error(`${where}: ${p.name} is one of ${p.enumValues.join('|')}, not ${value}`);
      bindings.push({ property: p.name, type: p.types[0] ?? 'SingleLine.Text', value: String(value), isStatic: true });
      continue;
    }
    if (p.required && p.defaultValue === undefined) throw new Error(`${where}: required property ${p.name} is neither bound nor set`);
  }
  if (!field) throw new Error(`${where}: no bound property is bound, so the control has no column to sit on`);
  return { placement, control, field, bindings };
}

function defaultLayout(table: ResolvedTable): FormLayout {
  return {
    table: table.key,
    key: 'main',
    isDefault: true,
    name: table.label,
    description: L(`Основная форма: ${table.label.ru}`, `Main form: ${table.label.en}`),
    tabs: [
      {
        id: 'general',
        label: L('Общие', 'General'),
        sections: [
          { id: 'general', label: L('Общие', 'General'), columns: table.columns.map((c) => c.key) as FormLayout['tabs'][number]['sections'][number]['columns'] },
        ],
      },
    ],
  };
}

/** The main forms of a table: its layouts in FORM_LAYOUTS, or one form with every column. */
export function formLayouts(table: ResolvedTable): FormLayout[] {
  const layouts = FORM_LAYOUTS.filter((f) => f.table === table.key);
  if (layouts.length === 0) return [defaultLayout(table)];
  if (layouts.filter((l) => l.isDefault).length !== 1) throw new Error(`${table.logicalName}: exactly one main form must be the default`);
  return layouts;
}

export function mainFormId(table: { logicalName: string }, layout: { key: string } = { key: 'main' }): string {
  return formGuid(table.logicalName, layout.key);
}

/** Form control ids are the column name, suffixed when a column appears twice. */
class ControlIds {
  private readonly used = new Set<string>();
  next(logicalName: string): string {
    let id = logicalName;
    for (let n = 1; this.used.has(id); n++) id = `${logicalName}${n}`;
    this.used.add(id);
    return id;
  }
}

function cell(formKey: string, id: string, label: Label, control: XmlElement, showLabel = true): XmlElement {
  return el('row', {}, el('cell', { id: braced(stableGuid(formKey, 'cell', id)), showlabel: showLabel ? undefined : 'false' }, el('labels', {}, labelEls('label', label)), control));
}

function section(formKey: string, id: string, label: Label, rows: XmlElement[], showLabel = true): XmlElement {
  return el(
    'section',
    { name: id, showlabel: showLabel ? 'true' : 'false', showbar: 'false', IsUserDefined: '0', id: braced(stableGuid(formKey, 'section', id)) },
    el('labels', {}, labelEls('label', label)),
    el('rows', {}, rows),
  );
}

/** One main form of a table with the placements that target it. */
export function mainFormXml(table: ResolvedTable, layout: FormLayout, placements: ResolvedPlacement[]): XmlElement {
  const formKey = layout.key === 'main' ? `form:${table.logicalName}` : `form:${table.logicalName}:${layout.key}`;
  const ids = new ControlIds();
  const descriptions: XmlElement[] = [];
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const tabIds = new Set(layout.tabs.map((t) => t.id));
  for (const p of placements) {
    if (!tabIds.has(p.placement.tab)) throw new Error(`${p.control.folder}: form ${layout.key} of ${table.logicalName} has no tab ${p.placement.tab}`);
  }

  const tabs = layout.tabs
    .map((tab) => {
      const sections: XmlElement[] = [];
      for (const p of placements.filter((x) => x.placement.tab === tab.id)) {
        const controlId = ids.next(p.field.logicalName);
        const uniqueId = braced(stableGuid(formKey, 'control', p.control.folder));
        const classId = formControlClass(p.field.type);
        const control = el('control', { id: controlId, classid: classId, datafieldname: p.field.logicalName, disabled: 'false', uniqueid: uniqueId });
        sections.push(section(formKey, `${tab.id}_${p.control.folder}`, p.placement.label, [cell(formKey, controlId, p.placement.label, control, false)], false));
        descriptions.push(
          el(
            'controlDescription',
            { forControl: uniqueId },
            el('customControl', { id: classId }, el('parameters', {}, text('datafieldname', p.field.logicalName))),
            FORM_FACTORS.map((formFactor) =>
              el(
                'customControl',
                { formFactor, name: p.control.solutionName },
                el(
                  'parameters',
                  {},
                  p.bindings.map((b) => text(b.property, b.value, b.isStatic ? { type: b.type, static: 'true' } : { type: b.type })),
                ),
              ),
            ),
          ),
        );
      }
      for (const s of tab.sections) {
        const rows = s.columns.map((key) => {
          const c = byKey.get(key);
          if (!c) throw new Error(`form of ${table.logicalName}: no column ${key}`);
          const controlId = ids.next(c.logicalName);
          return cell(formKey, controlId, c.label, el('control', { id: controlId, classid: formControlClass(c.type), datafieldname: c.logicalName }));
        });
        sections.push(section(formKey, s.id, s.label, rows));
      }
      if (sections.length === 0) return undefined;
      return el(
        'tab',
        { name: tab.id, verticallayout: 'true', id: braced(stableGuid(formKey, 'tab', tab.id)), IsUserDefined: '1' },
        el('labels', {}, labelEls('label', tab.label)),
        el('columns', {}, el('column', { width: '100%' }, el('sections', {}, sections))),
      );
    })
    .filter((t): t is XmlElement => t !== undefined);

  const headerCell = (logicalName: string, label: Label, classId: string) => {
    const id = ids.next(logicalName);
    return el('cell', { id: braced(stableGuid(formKey, 'header', logicalName)) }, el('labels', {}, labelEls('label', label)), el('control', { id: `header_${id}`, classid: classId, datafieldname: logicalName, disabled: 'true' }));
  };

  return el(
    'forms',
    { 'xmlns:xsi': XSI },
    el(
      'systemform',
      {},
      text('formid', braced(mainFormId(table, layout))),
      text('IntroducedVersion', INTRODUCED_VERSION),
      text('FormPresentation', 1),
      text('FormActivationState', 1),
      el(
        'form',
        { headerdensity: 'HighWithControls' },
        el('tabs', {}, tabs),
        el(
          'header',
          { id: braced(stableGuid(formKey, 'header')), celllabelposition: 'Top', columns: '11', labelwidth: '115', celllabelalignment: 'Left' },
          el(
            'rows',
            {},
            el('row', {}, headerCell('ownerid', L('Ответственный', 'Owner'), FORM_CONTROL_CLASS.lookup), headerCell('statuscode', L('Причина состояния', 'Status Reason'), FORM_CONTROL_CLASS.statuscode)),
          ),
        ),
        descriptions.length > 0 && el('controlDescriptions', {}, descriptions),
        el('DisplayConditions', { Order: layout.isDefault ? '0' : '1', FallbackForm: layout.isDefault ? 'true' : 'false' }, el('Everyone')),
      ),
      text('IsCustomizable', true),
      text('CanBeDeleted', true),
      labelList('LocalizedNames', 'LocalizedName', layout.name),
      labelList('Descriptions', 'Description', layout.description),
    ),
  );
}

/** Key of a form in the resolved placements: `<table key>:<form key>`. */
export const formSlot = (table: TableKey, form = 'main') => `${table}:${form}`;

/**
 * Resolves every placement against the discovered controls; throws on an unknown form or a binding that does not fit.
 * Placements of controls not (yet) under controls/ are left out — `pendingPlacements` names them.
 */
export function resolvePlacements(tables: ResolvedTable[], controls: ControlInfo[]): Map<string, ResolvedPlacement[]> {
  const out = new Map<string, ResolvedPlacement[]>();
  for (const p of PLACEMENTS) {
    if (p.blockedBy) continue;
    const control = controls.find((c) => c.folder === p.control);
    // A placement may land before its control (helpers commit in any order); a control without placement fails a test.
    if (!control) continue;
    const table = tables.find((t) => t.logicalName === TABLES[p.table]);
    if (!table) throw new Error(`placement of ${p.control}: no table ${p.table}`);
    const form = p.form ?? 'main';
    if (!formLayouts(table).some((l) => l.key === form)) throw new Error(`placement of ${p.control}: ${table.logicalName} has no form ${form}`);
    const slot = formSlot(p.table, form);
    out.set(slot, [...(out.get(slot) ?? []), resolvePlacement(p, control, table)]);
  }
  return out;
}

/** Placements whose control is not under controls/ (yet): the packer warns about them. */
export function pendingPlacements(controls: ControlInfo[]): string[] {
  return PLACEMENTS.filter((p) => !controls.some((c) => c.folder === p.control)).map((p) => p.control);
}
