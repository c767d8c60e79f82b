/**
 * Packs the unpacked source into an importable solution zip the way SolutionPackager does (solution.xml,
 * customizations.xml with every component merged in, the control and environment-variable files beside them,
 * [Content_Types].xml), and unpacks such a zip back into the source layout.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { XSI } from './common';
import { CONTROLS_FOLDER, type FileTree } from './generate';
import { child, children, el, parseXml, renderXml, textOf, type XmlElement } from './xml';

const ENV_VARS_FOLDER = 'environmentvariabledefinitions';
/** Fixed entry time, so the same source always gives the same zip bytes. */
const ZIP_TIME = new Date('2024-01-01T00:00:00Z');

function xmlOf(tree: FileTree, p: string): XmlElement {
  const bytes = tree.get(p);
  if (!bytes) throw new Error(`source has no ${p}`);
  return parseXml(bytes.toString('utf8'));
}

/** The root element without its xmlns:xsi: declared once on the customizations root. */
function embedded(node: XmlElement): XmlElement {
  const attrs = { ...node.attrs };
  delete attrs['xmlns:xsi'];
  return { ...node, attrs };
}

function filesUnder(tree: FileTree, prefix: string): string[] {
  return [...tree.keys()].filter((p) => p.startsWith(prefix)).sort();
}

function entityElement(tree: FileTree, dir: string): XmlElement {
  const entity = xmlOf(tree, `${dir}/Entity.xml`);
  const forms = filesUnder(tree, `${dir}/FormXml/`).map((p) => ({ type: p.split('/')[3] ?? 'main', form: xmlOf(tree, p) }));
  const formTypes = [...new Set(forms.map((f) => f.type))];
  const views = filesUnder(tree, `${dir}/SavedQueries/`).map((p) => xmlOf(tree, p));
  const ribbonPath = `${dir}/RibbonDiff.xml`;
  const ribbon = tree.has(ribbonPath) ? embedded(xmlOf(tree, ribbonPath)) : el('RibbonDiffXml');
  return el(
    'Entity',
    {},
    children(entity).filter((c) => !['FormXml', 'SavedQueries', 'RibbonDiffXml'].includes(c.name)),
    el(
      'FormXml',
      {},
      formTypes.map((type) => el('forms', { type }, forms.filter((f) => f.type === type).flatMap((f) => children(f.form, 'systemform')))),
    ),
    el('SavedQueries', {}, el('savedqueries', {}, views.flatMap((v) => children(v, 'savedquery')))),
    ribbon,
  );
}

/** customizations.xml: the unpacked Customizations.xml with each section filled from its folder. */
export function customizationsFromSource(tree: FileTree): XmlElement {
  const base = xmlOf(tree, 'Other/Customizations.xml');
  const entityDirs = [...new Set(filesUnder(tree, 'Entities/').map((p) => p.split('/').slice(0, 2).join('/')))];
  const relationshipFiles = filesUnder(tree, 'Other/Relationships/');
  const fill: Record<string, XmlElement[]> = {
    Entities: entityDirs.map((d) => entityElement(tree, d)),
    Roles: filesUnder(tree, 'Roles/').map((p) => embedded(xmlOf(tree, p))),
    EntityRelationships: relationshipFiles.flatMap((p) => children(xmlOf(tree, p), 'EntityRelationship')),
    optionsets: filesUnder(tree, 'OptionSets/').map((p) => embedded(xmlOf(tree, p))),
    CustomControls: filesUnder(tree, `${CONTROLS_FOLDER}/`)
      .filter((p) => p.endsWith('/ControlManifest.xml.data.xml'))
      .map((p) => embedded(xmlOf(tree, p))),
    AppModuleSiteMaps: filesUnder(tree, 'AppModuleSiteMaps/').map((p) => embedded(xmlOf(tree, p))),
    AppModules: filesUnder(tree, 'AppModules/').map((p) => embedded(xmlOf(tree, p))),
  };
  return {
    ...base,
    children: base.children.map((c) => (typeof c !== 'string' && fill[c.name] ? { ...c, children: fill[c.name]! } : c)),
  };
}

function contentTypesXml(paths: string[]): XmlElement {
  const extensions = [...new Set(paths.map((p) => p.slice(p.lastIndexOf('.') + 1).toLowerCase()))].sort();
  return el(
    'Types',
    { xmlns: 'http://schemas.openxmlformats.org/package/2006/content-types' },
    extensions.map((e) => el('Default', { Extension: e, ContentType: e === 'xml' ? 'text/xml' : 'application/octet-stream' })),
  );
}

/** The packed zip entries (path → bytes), before compression. */
export function packedEntries(tree: FileTree, managed: boolean): FileTree {
  const out: FileTree = new Map();
  const solution = xmlOf(tree, 'Other/Solution.xml');
  const manifest = child(solution, 'SolutionManifest');
  const managedEl = manifest && child(manifest, 'Managed');
  if (!managedEl) throw new Error('Solution.xml has no SolutionManifest/Managed');
  managedEl.children = [managed ? '1' : '0'];
  out.set('solution.xml', Buffer.from(renderXml(solution), 'utf8'));
  out.set('customizations.xml', Buffer.from(renderXml(customizationsFromSource(tree)), 'utf8'));
  for (const p of filesUnder(tree, `${CONTROLS_FOLDER}/`)) {
    if (!p.endsWith('.data.xml')) out.set(p, tree.get(p)!);
  }
  for (const p of filesUnder(tree, `${ENV_VARS_FOLDER}/`)) out.set(p, tree.get(p)!);
  out.set('[Content_Types].xml', Buffer.from(renderXml(contentTypesXml([...out.keys()])), 'utf8'));
  return out;
}

export function packSolution(tree: FileTree, managed: boolean): Uint8Array {
  const entries: Zippable = {};
  for (const [p, bytes] of packedEntries(tree, managed)) entries[p] = [new Uint8Array(bytes), { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 9 });
}

export function readZip(zip: Uint8Array): FileTree {
  const tree: FileTree = new Map();
  for (const [p, bytes] of Object.entries(unzipSync(zip))) {
    if (!p.endsWith('/')) tree.set(p, Buffer.from(bytes));
  }
  return tree;
}

/** With xmlns:xsi back on a file's root, as unpacked files carry it. */
function asFile(node: XmlElement): XmlElement {
  return { ...node, attrs: { ...node.attrs, 'xmlns:xsi': XSI } };
}

/** Unpacks a solution zip into the source layout (what `pac solution unpack` does for the parts we use). */
export function unpackSolution(zip: Uint8Array): FileTree {
  const entries = readZip(zip);
  const out: FileTree = new Map();
  const put = (p: string, xml: XmlElement) => out.set(p, Buffer.from(renderXml(xml), 'utf8'));
  const solution = parseXml(entries.get('solution.xml')!.toString('utf8'));
  const managedEl = child(child(solution, 'SolutionManifest')!, 'Managed')!;
  // Source is kept unmanaged; the packer sets the flag per zip.
  managedEl.children = ['0'];
  put('Other/Solution.xml', solution);

  const customizations = parseXml(entries.get('customizations.xml')!.toString('utf8'));
  const section = (name: string) => children(child(customizations, name) ?? el(name));
  put('Other/Customizations.xml', {
    ...customizations,
    children: customizations.children.map((c) => (typeof c === 'string' || c.name === 'Languages' ? c : el(c.name))),
  });

  for (const entity of section('Entities')) {
    const schemaName = textOf(child(entity, 'Name'));
    const dir = `Entities/${schemaName}`;
    put(
      `${dir}/Entity.xml`,
      asFile(el('Entity', {}, children(entity).filter((c) => !['FormXml', 'SavedQueries', 'RibbonDiffXml'].includes(c.name)), el('FormXml'), el('SavedQueries'), el('RibbonDiffXml'))),
    );
    for (const forms of children(child(entity, 'FormXml') ?? el('FormXml'), 'forms')) {
      for (const form of children(forms, 'systemform')) {
        put(`${dir}/FormXml/${forms.attrs.type ?? 'main'}/${textOf(child(form, 'formid'))}.xml`, asFile(el('forms', {}, form)));
      }
    }
    for (const view of children(child(child(entity, 'SavedQueries') ?? el('SavedQueries'), 'savedqueries') ?? el('savedqueries'), 'savedquery')) {
      put(`${dir}/SavedQueries/${textOf(child(view, 'savedqueryid'))}.xml`, asFile(el('savedqueries', {}, view)));
    }
    const ribbon = child(entity, 'RibbonDiffXml');
    if (ribbon && ribbon.children.length > 0) put(`${dir}/RibbonDiff.xml`, asFile(ribbon));
  }
  for (const role of section('Roles')) put(`Roles/${role.attrs.name}.xml`, asFile(role));
  const relationships = section('EntityRelationships');
  put(
    'Other/Relationships.xml',
    asFile(
      el(
        'EntityRelationships',
        {},
        relationships
          .map((r) => r.attrs.Name ?? '')
          .sort((a, b) => a.localeCompare(b))
          .map((n) => el('EntityRelationship', { Name: n })),
      ),
    ),
  );
  const byFile = new Map<string, XmlElement[]>();
  for (const r of relationships) {
    const file = textOf(child(r, 'ReferencedEntityName'));
    byFile.set(file, [...(byFile.get(file) ?? []), r]);
  }
  for (const [file, list] of byFile) put(`Other/Relationships/${file}.xml`, asFile(el('EntityRelationships', {}, list)));
  for (const o of section('optionsets')) put(`OptionSets/${o.attrs.Name}.xml`, asFile(o));
  for (const c of section('CustomControls')) put(`${CONTROLS_FOLDER}/${textOf(child(c, 'Name'))}/ControlManifest.xml.data.xml`, asFile(c));
  for (const s of section('AppModuleSiteMaps')) put(`AppModuleSiteMaps/${textOf(child(s, 'SiteMapUniqueName'))}/AppModuleSiteMap.xml`, asFile(s));
  for (const a of section('AppModules')) put(`AppModules/${textOf(child(a, 'UniqueName'))}/AppModule.xml`, a);
  for (const [p, bytes] of entries) {
    if (p.startsWith(`${CONTROLS_FOLDER}/`) || p.startsWith(`${ENV_VARS_FOLDER}/`)) out.set(p, bytes);
  }
  return out;
}

