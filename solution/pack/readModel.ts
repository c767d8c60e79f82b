/**
 * The solution as data, parsed from the shipped XML (Entity.xml, OptionSets, Relationships, forms, views,
 * environment variable definitions) — not from the generator's TypeScript — so whoever reads it (the operator desk's
 * local store, tests) sees exactly what Dataverse gets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGES, solutionPaths, type Label } from './config';
import { readTree, type FileTree } from './generate';
import { child, children, parseXml, textOf, walk, type XmlElement } from './xml';

/** Entity.xml `<Type>` of a column. */
export type DataverseType =
  | 'primarykey'
  | 'nvarchar'
  | 'ntext'
  | 'int'
  | 'decimal'
  | 'datetime'
  | 'bit'
  | 'picklist'
  | 'lookup'
  | 'owner'
  | 'state'
  | 'status';

export interface ModelOption {
  value: number;
  label: Label;
  /** The contract key behind a global choice option (its ExternalValue), when there is one. */
  key?: string;
}

export interface ModelColumn {
  logicalName: string;
  schemaName: string;
  type: DataverseType;
  /** The manifest `of-type` a control property needs to bind to it (custom columns only). */
  pcfType?: string;
  /** Ours (IsCustomField) or the platform's (createdon, ownerid, statecode…). */
  custom: boolean;
  required: 'none' | 'required' | 'systemrequired';
  primaryName: boolean;
  displayName: Label;
  description: Label;
  maxLength?: number;
  format?: string;
  min?: number;
  max?: number;
  precision?: number;
  dateOnly?: boolean;
  autoNumber?: string;
  /** Global choice name (picklist). */
  choice?: string;
  /** Options of a local choice (bit: 1/0, state, status). */
  options?: ModelOption[];
  defaultValue?: number;
  /** Logical name of the table a lookup points to. */
  target?: string;
  secured: boolean;
}

export interface ModelTable {
  logicalName: string;
  schemaName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  displayName: Label;
  pluralName: Label;
  description: Label;
  columns: ModelColumn[];
}

export interface ModelChoice {
  name: string;
  displayName: Label;
  options: ModelOption[];
}

export interface ModelEnvironmentVariable {
  schemaName: string;
  type: 'string' | 'number' | 'boolean' | 'json';
  defaultValue?: string;
  required: boolean;
  displayName: Label;
  description: Label;
}

export interface ModelView {
  id: string;
  table: string;
  name: Label;
  queryType: number;
  isDefault: boolean;
  /** Column logical names of the grid, in order. */
  columns: string[];
  /** The view's FetchXML, as Dataverse runs it. */
  fetchXml: string;
}

export interface ModelControlBinding {
  /** e.g. eer_Eer.CallPanel */
  control: string;
  formFactor: number;
  /** Manifest property → bound column (static: false) or static value (static: true), with the declared type. */
  parameters: Record<string, { type: string; value: string; static: boolean }>;
}

export interface ModelFormCell {
  /** Column the cell shows (datafieldname). */
  field: string;
  label: Label;
  /** The PCF control on the cell (web form factor), when one replaces the default control. */
  control?: ModelControlBinding;
}

export interface ModelForm {
  id: string;
  table: string;
  name: Label;
  tabs: { name: string; label: Label; sections: { name: string; label: Label; cells: ModelFormCell[] }[] }[];
}

export interface SolutionModel {
  tables: Record<string, ModelTable>;
  choices: Record<string, ModelChoice>;
  environmentVariables: Record<string, ModelEnvironmentVariable>;
  views: ModelView[];
  forms: ModelForm[];
}

function labelFrom(parent: XmlElement | undefined, tag: string, attr = 'description'): Label {
  const out: Label = { ru: '', en: '' };
  for (const e of parent ? children(parent, tag) : []) {
    const lang = LANGUAGES.find((l) => String(l.lcid) === e.attrs.languagecode);
    if (lang) out[lang.key] = e.attrs[attr] ?? '';
  }
  return out;
}

const num = (e: XmlElement | undefined): number | undefined => {
  const t = textOf(e);
  return t === '' ? undefined : Number(t);
};

function pcfTypeOf(type: DataverseType, format: string | undefined, dateOnly: boolean): string | undefined {
  switch (type) {
    case 'nvarchar':
      return { phone: 'SingleLine.Phone', email: 'SingleLine.Email', url: 'SingleLine.URL' }[format ?? ''] ?? 'SingleLine.Text';
    case 'ntext':
      return 'Multiple';
    case 'int':
      return 'Whole.None';
    case 'decimal':
      return 'Decimal';
    case 'datetime':
      return dateOnly ? 'DateAndTime.DateOnly' : 'DateAndTime.DateAndTime';
    case 'bit':
      return 'TwoOptions';
    case 'picklist':
    case 'state':
    case 'status':
      return 'OptionSet';
    case 'lookup':
    case 'owner':
      return 'Lookup.Simple';
    default:
      return undefined;
  }
}

function localOptions(attribute: XmlElement): ModelOption[] | undefined {
  const set = child(attribute, 'optionset');
  if (!set) return undefined;
  return [...walk(set)]
    .filter((e) => e.name === 'option' || e.name === 'state' || e.name === 'status')
    .map((o) => ({ value: Number(o.attrs.value), label: labelFrom(child(o, 'labels'), 'label') }));
}

function readColumn(a: XmlElement, lookupTargets: Map<string, string>, tableSchema: string): ModelColumn {
  const type = textOf(child(a, 'Type')) as DataverseType;
  const format = textOf(child(a, 'Format')) || undefined;
  const behavior = num(child(a, 'Behavior'));
  const dateOnly = type === 'datetime' && behavior === 2;
  const logicalName = textOf(child(a, 'LogicalName'));
  const column: ModelColumn = {
    logicalName,
    schemaName: a.attrs.PhysicalName ?? logicalName,
    type,
    custom: textOf(child(a, 'IsCustomField')) === '1',
    required: textOf(child(a, 'RequiredLevel')) as ModelColumn['required'],
    primaryName: (textOf(child(a, 'DisplayMask')) || '').split('|').includes('PrimaryName'),
    displayName: labelFrom(child(a, 'displaynames'), 'displayname'),
    description: labelFrom(child(a, 'Descriptions'), 'Description'),
    secured: textOf(child(a, 'IsSecured')) === '1',
  };
  if (column.custom) column.pcfType = pcfTypeOf(type, format, dateOnly);
  if (type === 'nvarchar' || type === 'ntext') {
    column.maxLength = num(child(a, 'MaxLength'));
    column.format = format;
  }
  if (type === 'int' || type === 'decimal') {
    column.min = num(child(a, 'MinValue'));
    column.max = num(child(a, 'MaxValue'));
  }
  if (type === 'decimal') column.precision = num(child(a, 'Accuracy'));
  if (type === 'datetime') column.dateOnly = dateOnly;
  const autoNumber = textOf(child(a, 'AutoNumberFormat'));
  if (autoNumber) column.autoNumber = autoNumber;
  const choice = textOf(child(a, 'OptionSetName'));
  if (choice) column.choice = choice;
  const options = localOptions(a);
  if (options) column.options = options;
  const appDefault = num(child(a, 'AppDefaultValue'));
  if (appDefault !== undefined) column.defaultValue = appDefault;
  if (type === 'lookup') {
    const target = lookupTargets.get(`${tableSchema}.${column.schemaName}`.toLowerCase());
    if (target) column.target = target;
  }
  return column;
}

function readForm(tableLogical: string, forms: XmlElement): ModelForm[] {
  return children(forms, 'systemform').map((sf) => {
    const form = child(sf, 'form')!;
    const descriptions = new Map<string, XmlElement>();
    for (const d of children(child(form, 'controlDescriptions') ?? form, 'controlDescription')) descriptions.set(d.attrs.forControl ?? '', d);
    const tabs = children(child(form, 'tabs') ?? form, 'tab').map((tab) => ({
      name: tab.attrs.name ?? '',
      label: labelFrom(child(tab, 'labels'), 'label'),
      sections: [...walk(tab)]
        .filter((e) => e.name === 'section')
        .map((s) => ({
          name: s.attrs.name ?? '',
          label: labelFrom(child(s, 'labels'), 'label'),
          cells: [...walk(s)]
            .filter((e) => e.name === 'cell' && child(e, 'control'))
            .map((cell): ModelFormCell => {
              const control = child(cell, 'control')!;
              const description = descriptions.get(control.attrs.uniqueid ?? '');
              const custom = description && children(description, 'customControl').find((c) => c.attrs.formFactor === '0' && c.attrs.name);
              const out: ModelFormCell = { field: control.attrs.datafieldname ?? '', label: labelFrom(child(cell, 'labels'), 'label') };
              if (custom) {
                const parameters: ModelControlBinding['parameters'] = {};
                for (const p of children(child(custom, 'parameters') ?? custom)) {
                  parameters[p.name] = { type: p.attrs.type ?? '', value: textOf(p), static: p.attrs.static === 'true' };
                }
                out.control = { control: custom.attrs.name ?? '', formFactor: 0, parameters };
              }
              return out;
            }),
        })),
    }));
    return { id: textOf(child(sf, 'formid')).replace(/[{}]/g, ''), table: tableLogical, name: labelFrom(child(sf, 'LocalizedNames'), 'LocalizedName'), tabs };
  });
}

function serialize(e: XmlElement): string {
  const attrs = Object.entries(e.attrs)
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join('');
  const inner = e.children.map((c) => (typeof c === 'string' ? c.replace(/&/g, '&amp;').replace(/</g, '&lt;') : serialize(c))).join('');
  return inner ? `<${e.name}${attrs}>${inner}</${e.name}>` : `<${e.name}${attrs} />`;
}

function readView(tableLogical: string, file: XmlElement): ModelView[] {
  return children(file, 'savedquery').map((q) => {
    const row = [...walk(child(q, 'layoutxml') ?? q)].find((e) => e.name === 'row');
    const fetch = [...walk(child(q, 'fetchxml') ?? q)].find((e) => e.name === 'fetch');
    return {
      id: textOf(child(q, 'savedqueryid')).replace(/[{}]/g, ''),
      table: tableLogical,
      name: labelFrom(child(q, 'LocalizedNames'), 'LocalizedName'),
      queryType: Number(textOf(child(q, 'querytype'))),
      isDefault: textOf(child(q, 'isdefault')) === '1',
      columns: row ? children(row, 'cell').map((c) => c.attrs.name ?? '') : [],
      fetchXml: fetch ? serialize(fetch) : '',
    };
  });
}

const ENV_TYPES: Record<string, ModelEnvironmentVariable['type']> = {
  '100000000': 'string',
  '100000001': 'number',
  '100000002': 'boolean',
  '100000003': 'json',
};

/** Reads the model from a source tree (solution/src, or an unpacked zip). */
export function readSolutionModelFromTree(tree: FileTree): SolutionModel {
  const xml = (p: string) => parseXml(tree.get(p)!.toString('utf8'));
  const paths = [...tree.keys()].sort();
  const lookupTargets = new Map<string, string>();
  for (const p of paths.filter((x) => x.startsWith('Other/Relationships/'))) {
    for (const r of children(xml(p), 'EntityRelationship')) {
      const key = `${textOf(child(r, 'ReferencingEntityName'))}.${textOf(child(r, 'ReferencingAttributeName'))}`.toLowerCase();
      lookupTargets.set(key, textOf(child(r, 'ReferencedEntityName')).toLowerCase());
    }
  }
  const model: SolutionModel = { tables: {}, choices: {}, environmentVariables: {}, views: [], forms: [] };
  for (const p of paths.filter((x) => /^Entities\/[^/]+\/Entity\.xml$/.test(x))) {
    const entity = child(child(xml(p), 'EntityInfo')!, 'entity')!;
    const schemaName = entity.attrs.Name ?? '';
    const logicalName = schemaName.toLowerCase();
    const columns = children(child(entity, 'attributes')!, 'attribute').map((a) => readColumn(a, lookupTargets, schemaName));
    const dir = p.slice(0, -'Entity.xml'.length);
    model.tables[logicalName] = {
      logicalName,
      schemaName,
      entitySetName: textOf(child(entity, 'EntitySetName')),
      primaryIdAttribute: columns.find((c) => c.type === 'primarykey')?.logicalName ?? `${logicalName}id`,
      primaryNameAttribute: columns.find((c) => c.primaryName)?.logicalName ?? '',
      displayName: labelFrom(child(entity, 'LocalizedNames'), 'LocalizedName'),
      pluralName: labelFrom(child(entity, 'LocalizedCollectionNames'), 'LocalizedCollectionName'),
      description: labelFrom(child(entity, 'Descriptions'), 'Description'),
      columns,
    };
    for (const f of paths.filter((x) => x.startsWith(`${dir}FormXml/main/`))) model.forms.push(...readForm(logicalName, xml(f)));
    for (const v of paths.filter((x) => x.startsWith(`${dir}SavedQueries/`))) model.views.push(...readView(logicalName, xml(v)));
  }
  for (const p of paths.filter((x) => x.startsWith('OptionSets/'))) {
    const o = xml(p);
    const name = o.attrs.Name ?? '';
    model.choices[name] = {
      name,
      displayName: labelFrom(child(o, 'displaynames'), 'displayname'),
      options: children(child(o, 'options')!, 'option').map((opt) => ({
        value: Number(opt.attrs.value),
        label: labelFrom(child(opt, 'labels'), 'label'),
        ...(opt.attrs.ExternalValue ? { key: opt.attrs.ExternalValue } : {}),
      })),
    };
  }
  for (const p of paths.filter((x) => /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/.test(x))) {
    const v = xml(p);
    const schemaName = v.attrs.schemaname ?? '';
    const defaultValue = child(v, 'defaultvalue');
    model.environmentVariables[schemaName] = {
      schemaName,
      type: ENV_TYPES[textOf(child(v, 'type'))] ?? 'string',
      ...(defaultValue ? { defaultValue: textOf(defaultValue) } : {}),
      required: textOf(child(v, 'isrequired')) === '1',
      displayName: labelFrom(child(v, 'displayname'), 'label'),
      description: labelFrom(child(v, 'description'), 'label'),
    };
  }
  return model;
}

/**
 * The solution model from the committed source (solution/src by default). The desk builds its local store from
 * `tables` (columns, types, choices, lookups), hosts controls as `forms` bind them, and lists records as `views` do.
 */
export function readSolutionModel(srcDir: string = solutionPaths().src): SolutionModel {
  if (!fs.existsSync(path.join(srcDir, 'Other', 'Solution.xml'))) throw new Error(`no solution source at ${srcDir}`);
  return readSolutionModelFromTree(readTree(srcDir));
}
