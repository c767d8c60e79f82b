/** A table's default view on the desk: the view's columns, newest first, each row opening the record's form. */
import type { ModelTable } from '@eer/solution';
import type { DeskBootstrap } from './bootstrap.js';
import type { DeskEnv } from './context.js';
import { formatValue, rowName } from './values.js';

const LIST_SIZE = 50;

export async function renderList(root: HTMLElement, env: DeskEnv, bootstrap: DeskBootstrap, table: ModelTable, texts: { empty: string; open: string }): Promise<void> {
  const lang = env.lcid === 1033 ? 'en' : 'ru';
  const view =
    bootstrap.views.find((v) => v.table === table.logicalName && v.queryType === 0 && v.isDefault) ?? bootstrap.views.find((v) => v.table === table.logicalName && v.queryType === 0);
  const columns = (view?.columns.length ? view.columns : [table.primaryNameAttribute, 'createdon'])
    .map((name) => table.columns.find((c) => c.logicalName === name))
    .filter((c): c is NonNullable<typeof c> => c !== undefined);

  const h1 = document.createElement('h1');
  h1.textContent = table.pluralName[lang];
  root.appendChild(h1);
  if (view) {
    const p = document.createElement('p');
    p.className = 'form-name';
    p.textContent = view.name[lang];
    root.appendChild(p);
  }

  const select = [...new Set([table.primaryIdAttribute, ...columns.map(rowName)])].join(',');
  const result = await env.webApi.retrieveMultipleRecords(table.logicalName, `?$select=${select}&$orderby=createdon desc&$top=${LIST_SIZE}`);
  if (result.entities.length === 0) {
    const p = document.createElement('p');
    p.textContent = texts.empty;
    root.appendChild(p);
    return;
  }
  const grid = document.createElement('table');
  grid.className = 'grid';
  const caption = document.createElement('caption');
  caption.className = 'visually-hidden';
  caption.textContent = table.pluralName[lang];
  grid.appendChild(caption);
  const head = grid.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.displayName[lang];
    head.appendChild(th);
  }
  const body = grid.createTBody();
  for (const entity of result.entities) {
    const row = body.insertRow();
    columns.forEach((c, i) => {
      const td = row.insertCell();
      const text = c.secured && env.fieldAccess === 'none' ? '********' : formatValue(c, entity[rowName(c)], env.lcid, env.choices);
      if (i === 0) {
        const a = document.createElement('a');
        a.href = `#/form/${table.logicalName}/${bootstrap.defaultForms[table.logicalName] ?? ''}/${String(entity[table.primaryIdAttribute])}`;
        a.textContent = text || texts.open;
        td.appendChild(a);
      } else {
        td.textContent = text;
      }
    });
  }
  root.appendChild(grid);
}
