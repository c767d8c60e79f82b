/**
 * System views per table: the active records (or today's, for the operator's own records), inactive records, and the
 * quick find, lookup, advanced find and associated views every table has in an export.
 */
import { braced, INTRODUCED_VERSION, labelList, stableGuid, XSI } from './common';
import type { Label } from './config';
import type { ResolvedTable } from './model';
import { el, text, type XmlElement } from './xml';

/** savedquery querytype codes. */
export const QUERY_TYPE = { main: 0, advancedFind: 1, associated: 2, quickFind: 4, lookup: 64 } as const;

export interface ViewSpec {
  id: string;
  key: string;
  name: Label;
  queryType: number;
  isDefault: boolean;
  quickFind: boolean;
  /** fetch filter conditions (ANDed). */
  conditions: { attribute: string; operator: string; value?: string }[];
  order: { attribute: string; descending: boolean };
  columns: string[];
}

export function viewSpecs(table: ResolvedTable): ViewSpec[] {
  const p = table.plural;
  const id = (key: string) => stableGuid('view', table.logicalName, key);
  const active = [{ attribute: 'statecode', operator: 'eq', value: '0' }];
  const listColumns = table.viewColumns.includes('eer_name') ? table.viewColumns : ['eer_name', ...table.viewColumns];
  const byName = { attribute: table.sortBy, descending: table.transactional };
  const specs: ViewSpec[] = [];
  if (table.transactional) {
    specs.push({
      id: id('today'),
      key: 'today',
      name: { ru: `${p.ru} за сегодня`, en: `Today's ${p.en.toLowerCase()}` },
      queryType: QUERY_TYPE.main,
      isDefault: true,
      quickFind: false,
      conditions: [...active, { attribute: 'createdon', operator: 'today' }],
      order: { attribute: 'createdon', descending: true },
      columns: [...listColumns, 'createdon'],
    });
  }
  specs.push(
    {
      id: id('active'),
      key: 'active',
      name: { ru: `Активные: ${p.ru.toLowerCase()}`, en: `Active ${p.en.toLowerCase()}` },
      queryType: QUERY_TYPE.main,
      isDefault: !table.transactional,
      quickFind: false,
      conditions: active,
      order: table.transactional ? { attribute: 'createdon', descending: true } : byName,
      columns: [...listColumns, 'createdon'],
    },
    {
      id: id('inactive'),
      key: 'inactive',
      name: { ru: `Неактивные: ${p.ru.toLowerCase()}`, en: `Inactive ${p.en.toLowerCase()}` },
      queryType: QUERY_TYPE.main,
      isDefault: false,
      quickFind: false,
      conditions: [{ attribute: 'statecode', operator: 'eq', value: '1' }],
      order: { attribute: 'createdon', descending: true },
      columns: ['eer_name', 'createdon'],
    },
    {
      id: id('quickfind'),
      key: 'quickfind',
      name: { ru: `Быстрый поиск: ${p.ru.toLowerCase()}`, en: `Quick find active ${p.en.toLowerCase()}` },
      queryType: QUERY_TYPE.quickFind,
      isDefault: true,
      quickFind: true,
      conditions: active,
      order: { attribute: 'eer_name', descending: false },
      columns: [...listColumns],
    },
    {
      id: id('lookup'),
      key: 'lookup',
      name: { ru: `Представление поиска: ${table.label.ru.toLowerCase()}`, en: `${table.label.en} lookup view` },
      queryType: QUERY_TYPE.lookup,
      isDefault: true,
      quickFind: false,
      conditions: active,
      order: { attribute: 'eer_name', descending: false },
      columns: ['eer_name', 'createdon'],
    },
    {
      id: id('advancedfind'),
      key: 'advancedfind',
      name: { ru: `Расширенный поиск: ${table.label.ru.toLowerCase()}`, en: `${table.label.en} advanced find view` },
      queryType: QUERY_TYPE.advancedFind,
      isDefault: true,
      quickFind: false,
      conditions: [],
      order: { attribute: 'eer_name', descending: false },
      columns: ['eer_name', 'createdon'],
    },
    {
      id: id('associated'),
      key: 'associated',
      name: { ru: `Связанное представление: ${table.label.ru.toLowerCase()}`, en: `${table.label.en} associated view` },
      queryType: QUERY_TYPE.associated,
      isDefault: true,
      quickFind: false,
      conditions: active,
      order: { attribute: 'eer_name', descending: false },
      columns: ['eer_name', 'createdon'],
    },
  );
  return specs;
}

export function savedQueryXml(table: ResolvedTable, v: ViewSpec): XmlElement {
  const isLookup = v.queryType === QUERY_TYPE.lookup;
  const gridName = isLookup ? table.entitySetName : 'resultset';
  const rowName = isLookup ? table.logicalName : 'result';
  const width = (c: string) => (c === 'eer_name' ? 200 : 150);
  const fetchAttributes = [table.primaryIdAttribute, ...v.columns.filter((c) => c !== table.primaryIdAttribute)];
  const filters: XmlElement[] = [];
  if (v.conditions.length > 0) {
    filters.push(el('filter', { type: 'and' }, v.conditions.map((c) => el('condition', { attribute: c.attribute, operator: c.operator, value: c.value }))));
  }
  if (v.quickFind) {
    filters.push(el('filter', { type: 'or', isquickfindfields: '1' }, el('condition', { attribute: 'eer_name', operator: 'like', value: '{0}' })));
  }
  return el(
    'savedqueries',
    { 'xmlns:xsi': XSI },
    el(
      'savedquery',
      {},
      text('IsCustomizable', true),
      text('CanBeDeleted', false),
      text('isquickfindquery', v.quickFind),
      text('isprivate', false),
      text('isdefault', v.isDefault),
      text('savedqueryid', braced(v.id)),
      el(
        'layoutxml',
        {},
        el(
          'grid',
          { name: gridName, jump: 'eer_name', select: '1', icon: '1', preview: isLookup ? '0' : '1' },
          el('row', { name: rowName, id: table.primaryIdAttribute }, v.columns.map((c) => el('cell', { name: c, width: width(c) }))),
        ),
      ),
      text('querytype', v.queryType),
      el(
        'fetchxml',
        {},
        el(
          'fetch',
          { version: '1.0', mapping: 'logical' },
          el(
            'entity',
            { name: table.logicalName },
            fetchAttributes.map((a) => el('attribute', { name: a })),
            el('order', { attribute: v.order.attribute, descending: v.order.descending ? 'true' : 'false' }),
            filters,
          ),
        ),
      ),
      text('IntroducedVersion', INTRODUCED_VERSION),
      labelList('LocalizedNames', 'LocalizedName', v.name),
    ),
  );
}
