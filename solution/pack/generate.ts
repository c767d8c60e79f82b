/**
 * Generates the unpacked solution source (solution/src, the `pac solution unpack` layout) from the model, the form
 * placements and the controls. Control folders are copied byte for byte from the controls' production build.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { braced } from './common';
import { product as readProduct, solutionPaths, type SolutionPaths } from './config';
import {
  APP_UNIQUE_NAME,
  appModuleXml,
  controlDataXml,
  customizationsXml,
  ENV_VARS,
  envVarXml,
  optionSetXml,
  relationshipFiles,
  relationshipIndexXml,
  relationshipSpecs,
  INTEGRATION_ROLE_NAME,
  integrationRoleXml,
  ROLE_NAME,
  roleXml,
  rootComponents,
  siteMapXml,
  solutionXml,
} from './components';
import { builtControlFiles, discoverControls, type ControlInfo } from './controls';
import { entityXml, ribbonDiffXml } from './entity';
import { formLayouts, formSlot, mainFormId, mainFormXml, resolvePlacements } from './form';
import { CHOICE_DEFS, resolvedTables } from './model';
import { savedQueryXml, viewSpecs } from './views';
import { renderXml, type XmlElement } from './xml';

/** Files by posix path relative to the tree's root. */
export type FileTree = Map<string, Buffer>;

export const CONTROLS_FOLDER = 'Controls';

export interface GenerateOptions {
  paths?: SolutionPaths;
  /** Copy the built controls into Controls/ (needs `npm run build:controls`); the committed source leaves them out. */
  withControls?: boolean;
}

export function discoverProductControls(paths: SolutionPaths): ControlInfo[] {
  return discoverControls(paths.controls, paths.controlsOut, readProduct(paths.root).publisher.prefix);
}

export function generateSource(options: GenerateOptions = {}): FileTree {
  const paths = options.paths ?? solutionPaths();
  const product = readProduct(paths.root);
  const tables = resolvedTables();
  const choices = Object.values(CHOICE_DEFS);
  const controls = discoverProductControls(paths);
  const placements = resolvePlacements(tables, controls);
  const tree: FileTree = new Map();
  const put = (p: string, xml: XmlElement) => tree.set(p, Buffer.from(renderXml(xml), 'utf8'));

  put('Other/Solution.xml', solutionXml(product, rootComponents(tables, choices, controls)));
  put('Other/Customizations.xml', customizationsXml());
  const relationships = relationshipSpecs(tables);
  put('Other/Relationships.xml', relationshipIndexXml(relationships));
  for (const [file, xml] of relationshipFiles(relationships)) put(`Other/Relationships/${file}.xml`, xml);

  for (const table of tables) {
    const dir = `Entities/${table.schemaName}`;
    put(`${dir}/Entity.xml`, entityXml(table));
    put(`${dir}/RibbonDiff.xml`, ribbonDiffXml());
    for (const layout of formLayouts(table)) {
      put(`${dir}/FormXml/main/${braced(mainFormId(table, layout))}.xml`, mainFormXml(table, layout, placements.get(formSlot(table.key, layout.key)) ?? []));
    }
    for (const view of viewSpecs(table)) put(`${dir}/SavedQueries/${braced(view.id)}.xml`, savedQueryXml(table, view));
  }
  for (const choice of choices) put(`OptionSets/${choice.name}.xml`, optionSetXml(choice));
  for (const v of Object.values(ENV_VARS)) put(`environmentvariabledefinitions/${v.schemaName}/environmentvariabledefinition.xml`, envVarXml(v));
  put(`AppModules/${APP_UNIQUE_NAME}/AppModule.xml`, appModuleXml(tables, product));
  put(`AppModuleSiteMaps/${APP_UNIQUE_NAME}/AppModuleSiteMap.xml`, siteMapXml(tables));
  put(`Roles/${ROLE_NAME}.xml`, roleXml(tables));
  put(`Roles/${INTEGRATION_ROLE_NAME}.xml`, integrationRoleXml(tables));

  if (options.withControls) {
    for (const control of controls) for (const [p, bytes] of controlFolder(control)) tree.set(p, bytes);
  }
  return tree;
}

/** Controls/<prefix>_<Namespace>.<Constructor>/: the data file and the built files, copied byte for byte. */
export function controlFolder(control: ControlInfo): [string, Buffer][] {
  const dir = `${CONTROLS_FOLDER}/${control.solutionName}`;
  return [
    [`${dir}/ControlManifest.xml.data.xml`, Buffer.from(renderXml(controlDataXml(control)), 'utf8')],
    ...builtControlFiles(control).map((file): [string, Buffer] => [`${dir}/${file}`, fs.readFileSync(path.join(control.outDir, file))]),
  ];
}

export function readTree(dir: string): FileTree {
  const tree: FileTree = new Map();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(p);
      else tree.set(p, fs.readFileSync(path.join(dir, p)));
    }
  };
  if (fs.existsSync(dir)) walk('');
  return tree;
}

/** Writes the tree and removes files under `dir` it does not have, so the folder is exactly the tree. */
export function writeTree(dir: string, tree: FileTree): void {
  for (const existing of readTree(dir).keys()) {
    if (!tree.has(existing)) fs.rmSync(path.join(dir, existing));
  }
  for (const [p, bytes] of tree) {
    const target = path.join(dir, p);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target) || !fs.readFileSync(target).equals(bytes)) fs.writeFileSync(target, bytes);
  }
  // Drop folders emptied by the removals.
  const prune = (d: string): boolean => {
    let empty = true;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() ? !prune(path.join(d, e.name)) : true) empty = false;
    }
    if (empty && d !== dir) fs.rmdirSync(d);
    return empty;
  };
  if (fs.existsSync(dir)) prune(dir);
}
