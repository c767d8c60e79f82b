/**
 * The PCF controls the solution carries: every folder under controls/ with a ControlManifest.Input.xml, read from
 * its manifest, and its production build in controls/out/<Name>/ (bundle.js, ControlManifest.xml, strings/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attr, children, child, parseXml, type XmlElement } from './xml';

export interface ManifestProperty {
  name: string;
  usage: 'bound' | 'input' | 'output';
  /** The types it binds to: its `of-type`, or every type of its `of-type-group`. */
  types: string[];
  required: boolean;
  defaultValue?: string;
  /** The allowed values of an Enum property. */
  enumValues?: string[];
}

export interface ControlInfo {
  /** Folder under controls/ (the constructor by convention). */
  folder: string;
  namespace: string;
  constructorName: string;
  version: string;
  /** `<prefix>_<Namespace>.<Constructor>`: the component name in the solution and on forms. */
  solutionName: string;
  properties: ManifestProperty[];
  /** controls/out/<folder>: the production build. */
  outDir: string;
}

/** Reads a manifest's control element and properties (Input or built: both have the same properties). */
export function readManifest(xml: string): { control: XmlElement; properties: ManifestProperty[] } {
  const root = parseXml(xml);
  const control = child(root, 'control');
  if (root.name !== 'manifest' || !control) throw new Error('not a PCF manifest');
  const groups = new Map(children(control, 'type-group').map((g) => [g.attrs.name ?? '', children(g, 'type').map((t) => t.children.join(''))]));
  const properties = children(control, 'property').map((p): ManifestProperty => {
    const group = p.attrs['of-type-group'];
    const types = p.attrs['of-type'] ? [p.attrs['of-type']] : group ? (groups.get(group) ?? []) : [];
    return {
      name: p.attrs.name ?? '',
      usage: (p.attrs.usage ?? 'bound') as ManifestProperty['usage'],
      types,
      required: p.attrs.required === 'true',
      defaultValue: p.attrs['default-value'],
      ...(types.includes('Enum') ? { enumValues: children(p, 'value').map((v) => v.children.join('')) } : {}),
    };
  });
  return { control, properties };
}

export function discoverControls(controlsDir: string, outDir: string, prefix: string): ControlInfo[] {
  return fs
    .readdirSync(controlsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(controlsDir, d.name, 'ControlManifest.Input.xml')))
    .map((d) => d.name)
    .sort()
    .map((folder) => {
      const { control, properties } = readManifest(fs.readFileSync(path.join(controlsDir, folder, 'ControlManifest.Input.xml'), 'utf8'));
      const namespace = control.attrs.namespace ?? '';
      const constructorName = attr(control, 'constructor') ?? '';
      return {
        folder,
        namespace,
        constructorName,
        version: control.attrs.version ?? '',
        solutionName: `${prefix}_${namespace}.${constructorName}`,
        properties,
        outDir: path.join(outDir, folder),
      };
    });
}

/**
 * The files of a built control that go into the solution, relative to its out folder: the built manifest and every
 * resource it names (code, resx, css, images). Other build leftovers (bundle.js.LICENSE.txt) are not referenced.
 */
export function builtControlFiles(control: ControlInfo): string[] {
  const manifestPath = path.join(control.outDir, 'ControlManifest.xml');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`control ${control.folder} is not built (${manifestPath} missing): run npm run build:controls`);
  }
  const { control: el, properties } = readManifest(fs.readFileSync(manifestPath, 'utf8'));
  // Forms are bound from ControlManifest.Input.xml: a build made before its last change would not fit them.
  if (JSON.stringify(properties) !== JSON.stringify(control.properties)) {
    throw new Error(`control ${control.folder}: its build is older than its manifest (properties differ): run npm run build:controls`);
  }
  const resources = child(el, 'resources');
  const files = ['ControlManifest.xml'];
  for (const r of resources ? children(resources) : []) {
    if (r.name === 'platform-library') continue;
    const p = r.attrs.path;
    if (p) files.push(p);
  }
  for (const f of files) {
    if (!fs.existsSync(path.join(control.outDir, f))) throw new Error(`control ${control.folder}: built file ${f} missing`);
  }
  return files;
}
