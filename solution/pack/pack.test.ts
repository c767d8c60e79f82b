import * as fs from 'node:fs';
import * as path from 'node:path';
import { solutionPaths } from './config';
import { builtControlFiles } from './controls';
import { CONTROLS_FOLDER, controlFolder, discoverProductControls, generateSource, type FileTree } from './generate';
import { packSolution, readZip, unpackSolution } from './pack';
import { readSolutionModelFromTree } from './readModel';
import { checkShape, shapeFor } from './referenceShapes';
import { child, children, parseXml, textOf, type XmlElement } from './xml';

const paths = solutionPaths();
const controls = discoverProductControls(paths);
let source: FileTree;
let unmanaged: Uint8Array;
let managed: Uint8Array;
/** Controls with a production build; npm test builds them all before jest, so there it is every control. */
const built = controls.filter((c) => {
  if (!fs.existsSync(path.join(c.outDir, 'ControlManifest.xml'))) return false;
  try {
    builtControlFiles(c);
    return true;
  } catch {
    return false; // built before its manifest changed: the "every control" test below names it
  }
});

beforeAll(() => {
  source = generateSource({ paths });
  for (const c of built) for (const [p, bytes] of controlFolder(c)) source.set(p, bytes);
  unmanaged = packSolution(source, false);
  managed = packSolution(source, true);
});

const xml = (tree: FileTree, p: string): XmlElement => parseXml(tree.get(p)!.toString('utf8'));

describe('the packed solution zip', () => {
  it('has exactly the packed layout: manifests, content types, control files and environment variable definitions', () => {
    const entries = [...readZip(unmanaged).keys()];
    const expected = [
      '[Content_Types].xml',
      'solution.xml',
      'customizations.xml',
      ...built.flatMap((c) => builtControlFiles(c).map((f) => `${CONTROLS_FOLDER}/${c.solutionName}/${f}`)),
      ...[...source.keys()].filter((p) => p.startsWith('environmentvariabledefinitions/')),
    ];
    expect(entries.sort()).toEqual(expected.sort());
  });

  it('is well-formed XML in every .xml entry, and declares a content type for every file extension', () => {
    const zip = readZip(unmanaged);
    for (const [p, bytes] of zip) if (p.endsWith('.xml') || p.endsWith('.resx')) expect(() => parseXml(bytes.toString('utf8'))).not.toThrow();
    const types = children(xml(zip, '[Content_Types].xml'), 'Default').map((d) => d.attrs.Extension);
    for (const p of zip.keys()) expect(types).toContain(p.slice(p.lastIndexOf('.') + 1).toLowerCase());
  });

  it('carries every control byte for byte as built (bundle, manifest, strings), with its CustomControl entry', () => {
    const zip = readZip(unmanaged);
    const customizations = xml(zip, 'customizations.xml');
    const declared = children(child(customizations, 'CustomControls')!, 'CustomControl').map((c) => ({ name: textOf(child(c, 'Name')), file: textOf(child(c, 'FileName')) }));
    expect(declared.map((d) => d.name).sort()).toEqual(built.map((c) => c.solutionName).sort());
    for (const c of built) {
      for (const f of builtControlFiles(c)) {
        expect(zip.get(`${CONTROLS_FOLDER}/${c.solutionName}/${f}`)?.equals(fs.readFileSync(path.join(c.outDir, f)))).toBe(true);
      }
      const d = declared.find((x) => x.name === c.solutionName)!;
      expect(zip.has(d.file.replace(/^\//, ''))).toBe(true);
      const manifest = parseXml(zip.get(d.file.replace(/^\//, ''))!.toString('utf8'));
      expect(checkShape(shapeFor(d.file.replace(/^\//, ''))!, manifest)).toEqual([]);
      expect(children(child(child(manifest, 'control')!, 'resources')!, 'code')[0]?.attrs.path).toBe('bundle.js');
    }
  });

  it('merges every component into customizations.xml and lists each as a root component of solution.xml', () => {
    const zip = readZip(unmanaged);
    const customizations = xml(zip, 'customizations.xml');
    const model = readSolutionModelFromTree(source);
    const entities = children(child(customizations, 'Entities')!, 'Entity');
    expect(entities.map((e) => textOf(child(e, 'Name')).toLowerCase()).sort()).toEqual(Object.keys(model.tables).sort());
    for (const e of entities) {
      const forms = children(child(e, 'FormXml')!, 'forms');
      expect(forms.map((f) => f.attrs.type)).toEqual(['main']);
      expect(children(forms[0]!, 'systemform').length).toBe(model.forms.filter((f) => f.table === textOf(child(e, 'Name')).toLowerCase()).length);
      const views = children(child(child(e, 'SavedQueries')!, 'savedqueries')!, 'savedquery');
      expect(views.length).toBe(model.views.filter((v) => v.table === textOf(child(e, 'Name')).toLowerCase()).length);
    }
    expect(children(child(customizations, 'optionsets')!, 'optionset').map((o) => o.attrs.Name).sort()).toEqual(Object.keys(model.choices).sort());
    // The operators' role and the function app's integration role (read + write of every home visit and appeal).
    const roles = children(child(customizations, 'Roles')!, 'Role');
    expect(roles.map((r) => r.attrs.name)).toEqual(['EER 122 Integration', 'EER 122 Operator']);
    const integration = children(child(roles[0]!, 'RolePrivileges')!, 'RolePrivilege').map((p) => `${p.attrs.name}:${p.attrs.level}`);
    expect(integration).toEqual(['prvReadeer_Appeal:Global', 'prvReadeer_HomeVisit:Global', 'prvWriteeer_Appeal:Global', 'prvWriteeer_HomeVisit:Global']);
    expect(children(child(customizations, 'AppModules')!, 'AppModule')).toHaveLength(1);
    expect(children(child(customizations, 'AppModuleSiteMaps')!, 'AppModuleSiteMap')).toHaveLength(1);
    expect(children(child(customizations, 'EntityRelationships')!, 'EntityRelationship').length).toBeGreaterThan(9 * 6);

    const roots = children(child(child(xml(zip, 'solution.xml'), 'SolutionManifest')!, 'RootComponents')!, 'RootComponent');
    const ofType = (t: number) => roots.filter((r) => r.attrs.type === String(t)).map((r) => r.attrs.schemaName ?? r.attrs.id);
    expect(ofType(1).sort()).toEqual(Object.keys(model.tables).sort());
    expect(ofType(9).sort()).toEqual(Object.keys(model.choices).sort());
    expect(ofType(66).sort()).toEqual(controls.map((c) => c.solutionName).sort());
    expect(built.length).toBeGreaterThan(0);
    expect(ofType(380).sort()).toEqual(Object.keys(model.environmentVariables).sort());
    expect(ofType(20).sort()).toEqual(roles.map((r) => r.attrs.id).sort());
    expect(ofType(62)).toHaveLength(1);
    expect(ofType(80)).toHaveLength(1);
  });

  it('differs between unmanaged and managed only in the Managed flag', () => {
    const a = readZip(unmanaged);
    const b = readZip(managed);
    const flag = (t: FileTree) => textOf(child(child(xml(t, 'solution.xml'), 'SolutionManifest')!, 'Managed'));
    expect([flag(a), flag(b)]).toEqual(['0', '1']);
    for (const p of a.keys()) if (p !== 'solution.xml') expect(a.get(p)!.equals(b.get(p)!)).toBe(true);
  });

  it('unpacks to the very source it was packed from, byte for byte (controls included)', () => {
    const back = unpackSolution(unmanaged);
    const keys = new Set([...source.keys(), ...back.keys()]);
    const different = [...keys].filter((k) => !source.get(k)?.equals(back.get(k) ?? Buffer.alloc(0)));
    expect(different).toEqual([]);
    expect(readSolutionModelFromTree(back)).toEqual(readSolutionModelFromTree(source));
  });

  it('is the same bytes every time it is packed from the same source', () => {
    expect(Buffer.from(packSolution(source, false)).equals(Buffer.from(unmanaged))).toBe(true);
  });
});

describe('npm run package', () => {
  it('puts every control under controls/ into the solution from its production build (npm run build:controls first)', () => {
    const unbuilt = controls.filter((c) => !built.includes(c)).map((c) => c.folder);
    expect(unbuilt).toEqual([]);
    for (const c of controls) expect(() => builtControlFiles(c)).not.toThrow();
    const full = readZip(packSolution(generateSource({ paths, withControls: true }), false));
    for (const c of controls) expect(full.has(`${CONTROLS_FOLDER}/${c.solutionName}/bundle.js`)).toBe(true);
  });
});
