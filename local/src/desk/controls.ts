/**
 * The built controls the desk hosts: `controls/out/<Name>/` — the very files the solution packs into its
 * `Controls/eer_Eer.<Name>/` folders (ControlManifest.xml, bundle.js, strings/*.resx). The desk reads each built
 * manifest for its properties and resources, and its resx files for `context.resources.getString`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ManifestProperty } from './browser/bootstrap';

export interface BuiltControl {
  /** Folder name, e.g. `CallPanel`. */
  name: string;
  /** `namespace.constructor`, e.g. `Eer.CallPanel` (what the bundle registers). */
  fullName: string;
  dir: string;
  controlType: string;
  properties: ManifestProperty[];
  /** Resx file (relative to dir) per LCID. */
  resx: Record<number, string>;
  platformLibraries: Array<{ name: string; version: string }>;
  /** Files of the code element, in load order (`bundle.js`). */
  code: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Attributes under a prefix: the manifest's `constructor` attribute must not become an object key of that name.
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['property', 'value', 'resx', 'platform-library', 'code', 'css', 'data'].includes(name),
});

type Element = Record<string, unknown>;
const attr = (e: Element | undefined, name: string): string | undefined => {
  const v = e?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
};

export function readBuiltControl(dir: string): BuiltControl {
  const manifest = parser.parse(fs.readFileSync(path.join(dir, 'ControlManifest.xml'), 'utf8')) as { manifest: { control: Element } };
  const control = manifest.manifest.control;
  const resources = (control.resources ?? {}) as Record<string, Element[] | undefined>;
  const properties = ((control.property ?? []) as Element[]).map((p): ManifestProperty => {
    const values = p.value as Array<string | Element> | undefined;
    const defaultValue = attr(p, 'default-value');
    return {
      name: attr(p, 'name') ?? '',
      ofType: attr(p, 'of-type') ?? attr(p, 'of-type-group') ?? '',
      usage: attr(p, 'usage') ?? 'input',
      required: attr(p, 'required') === 'true',
      ...(defaultValue !== undefined ? { defaultValue } : {}),
      ...(values ? { values: values.map((v) => (typeof v === 'string' ? v : String(v['#text'] ?? attr(v, 'name') ?? ''))) } : {}),
    };
  });
  const resx: Record<number, string> = {};
  for (const r of resources.resx ?? []) {
    const file = attr(r, 'path') ?? '';
    const lcid = /\.(\d{4})\.resx$/.exec(file)?.[1];
    if (lcid) resx[Number(lcid)] = file;
  }
  return {
    name: path.basename(dir),
    fullName: `${attr(control, 'namespace') ?? ''}.${attr(control, 'constructor') ?? ''}`,
    dir,
    controlType: attr(control, 'control-type') ?? 'standard',
    properties,
    resx,
    platformLibraries: (resources['platform-library'] ?? []).map((l) => ({ name: attr(l, 'name') ?? '', version: attr(l, 'version') ?? '' })),
    code: (resources.code ?? []).sort((a, b) => Number(attr(a, 'order') ?? 0) - Number(attr(b, 'order') ?? 0)).map((c) => attr(c, 'path') ?? ''),
  };
}

/** Every built control under `outDir` (folders with a ControlManifest.xml and a bundle.js). */
export function builtControls(outDir: string): Map<string, BuiltControl> {
  const found = new Map<string, BuiltControl>();
  if (!fs.existsSync(outDir)) return found;
  for (const name of fs.readdirSync(outDir).sort()) {
    const dir = path.join(outDir, name);
    if (fs.existsSync(path.join(dir, 'ControlManifest.xml')) && fs.existsSync(path.join(dir, 'bundle.js'))) found.set(name, readBuiltControl(dir));
  }
  return found;
}

/** A resx file as key → text. */
export function readResx(file: string): Record<string, string> {
  const doc = parser.parse(fs.readFileSync(file, 'utf8')) as { root: { data?: Element[] } };
  const out: Record<string, string> = {};
  for (const d of doc.root.data ?? []) {
    const name = attr(d, 'name');
    if (name) out[name] = d.value === undefined || d.value === null ? '' : String(d.value);
  }
  return out;
}

/** The control's strings in a language; a language the control lacks falls back to the base language (1049). */
export function controlStrings(control: BuiltControl, lcid: number): Record<string, string> {
  const file = control.resx[lcid] ?? control.resx[1049] ?? Object.values(control.resx)[0];
  return file ? readResx(path.join(control.dir, file)) : {};
}
