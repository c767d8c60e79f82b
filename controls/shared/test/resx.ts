import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type Lcid = 1049 | 1033;

/** Reads `<control>/strings/<control>.<lcid>.resx` into a key → text map, as the platform does. */
export function loadResx(controlName: string, lcid: Lcid): Record<string, string> {
  const file = path.join(__dirname, '..', '..', controlName, 'strings', `${controlName}.${lcid}.resx`);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(fs.readFileSync(file, 'utf8')) as {
    root: { data?: Array<{ '@name': string; value: string | number }> | { '@name': string; value: string | number } };
  };
  const data = parsed.root.data;
  const list = Array.isArray(data) ? data : data ? [data] : [];
  return Object.fromEntries(list.map((d) => [d['@name'], String(d.value)]));
}
