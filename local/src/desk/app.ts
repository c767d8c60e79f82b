/**
 * The model-driven app as the desk shows it, read from the solution source: the site map (areas, groups, sub-areas
 * with their titles and targets), the one-to-many relationships ($expand), and the main form a table opens with.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Label, ModelForm } from '@eer/solution';
import type { SiteMapGroup, SiteMapItem } from './browser/bootstrap';
import type { StoreRelationship } from './store';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => ['Area', 'Group', 'SubArea', 'Title', 'EntityRelationship'].includes(name),
});

type Node = Record<string, unknown>;
const titles = (node: Node): Label => {
  const list = ((node.Titles as Node | undefined)?.Title ?? []) as Array<Record<string, string>>;
  return { ru: list.find((t) => t.LCID === '1049')?.Title ?? '', en: list.find((t) => t.LCID === '1033')?.Title ?? '' };
};

/** The app's site map groups (every area's groups, in order). */
export function readSiteMap(srcDir: string): SiteMapGroup[] {
  const dir = path.join(srcDir, 'AppModuleSiteMaps');
  const groups: SiteMapGroup[] = [];
  for (const app of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const doc = parser.parse(fs.readFileSync(path.join(dir, app, 'AppModuleSiteMap.xml'), 'utf8')) as Node;
    const siteMap = (doc.AppModuleSiteMap as Node).SiteMap as Node;
    for (const area of (siteMap.Area ?? []) as Node[]) {
      for (const group of (area.Group ?? []) as Node[]) {
        groups.push({
          id: String(group.Id),
          title: titles(group),
          items: ((group.SubArea ?? []) as Node[]).map((sub) => {
            const item: SiteMapItem = { id: String(sub.Id), title: titles(sub) };
            if (typeof sub.Entity === 'string') item.table = sub.Entity;
            if (typeof sub.Url === 'string') {
              const query = new URLSearchParams(sub.Url.split('?')[1] ?? '');
              const table = query.get('etn');
              const formId = query.get('formid');
              if (query.get('pagetype') === 'entityrecord' && table && formId) item.form = { table, formId };
            }
            return item;
          }),
        });
      }
    }
  }
  return groups;
}

/** One-to-many relationships of the solution's lookups: the collection navigation property is the relationship name. */
export function readRelationships(srcDir: string): StoreRelationship[] {
  const dir = path.join(srcDir, 'Other', 'Relationships');
  const out: StoreRelationship[] = [];
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const doc = parser.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Node;
    for (const r of ((doc.EntityRelationships as Node | undefined)?.EntityRelationship ?? []) as Node[]) {
      if (r.EntityRelationshipType !== 'OneToMany') continue;
      const from = String(r.ReferencedEntityName ?? '').toLowerCase();
      const to = String(r.ReferencingEntityName ?? '').toLowerCase();
      if (!from.startsWith('eer_') || !to.startsWith('eer_')) continue;
      out.push({ name: String(r.Name), from, to, lookup: String(r.ReferencingAttributeName ?? '').toLowerCase() });
    }
  }
  return out;
}

/**
 * The form a record of `table` opens on when no form is named: the table's main form with the most tabs (for
 * eer_call that is «Звонок», not the start window, which the site map opens by its id).
 */
export function defaultFormId(forms: ModelForm[], table: string): string | undefined {
  return forms
    .filter((f) => f.table === table)
    .sort((a, b) => b.tabs.length - a.tabs.length)[0]?.id;
}
