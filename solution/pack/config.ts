/**
 * Where things are and what the product is called: publisher prefix, option-value prefix and control namespace come
 * from pcf.config.json (the same file the control manifests follow), so the packer and the controls cannot disagree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Label {
  /** Russian, LCID 1049 — the base language of the solution. */
  ru: string;
  /** English, LCID 1033. */
  en: string;
}

/** The two languages every display name, description and choice label is written in, base language first. */
export const LANGUAGES = [
  { lcid: 1049, key: 'ru' },
  { lcid: 1033, key: 'en' },
] as const satisfies readonly { lcid: number; key: keyof Label }[];
export const BASE_LANGUAGE = 1049;

interface PcfConfig {
  publisher: { uniqueName: string; displayName: Record<string, string>; customizationPrefix: string; optionValuePrefix: number };
  controlNamespace: string;
  controlsRoot: string;
  languages: number[];
}

/** The repository root: the folder holding pcf.config.json, found upwards from this file (src or dist). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'pcf.config.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('pcf.config.json not found above ' + __dirname);
    dir = parent;
  }
}

export function readPcfConfig(root = repoRoot()): PcfConfig {
  return JSON.parse(fs.readFileSync(path.join(root, 'pcf.config.json'), 'utf8')) as PcfConfig;
}

export interface SolutionPaths {
  root: string;
  /** solution/ */
  solution: string;
  /** solution/src: the unpacked solution source (pac solution unpack layout). */
  src: string;
  /** solution/bin: the packed zips (gitignored). */
  bin: string;
  /** solution/data: reference rows the admin loads after import. */
  data: string;
  /** controls/ and its build output controls/out/<Name>/. */
  controls: string;
  controlsOut: string;
}

export function solutionPaths(root = repoRoot()): SolutionPaths {
  const controls = path.join(root, readPcfConfig(root).controlsRoot);
  return {
    root,
    solution: path.join(root, 'solution'),
    src: path.join(root, 'solution', 'src'),
    bin: path.join(root, 'solution', 'bin'),
    data: path.join(root, 'solution', 'data'),
    controls,
    controlsOut: path.join(controls, 'out'),
  };
}

export interface Product {
  solutionUniqueName: string;
  solutionName: Label;
  solutionDescription: Label;
  version: string;
  publisher: { uniqueName: string; name: Label; prefix: string; optionValuePrefix: number };
  controlNamespace: string;
}

export function product(root = repoRoot()): Product {
  const cfg = readPcfConfig(root);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'solution', 'package.json'), 'utf8')) as { version: string };
  if (!cfg.languages.includes(1049) || !cfg.languages.includes(1033)) throw new Error('pcf.config.json languages must include 1049 and 1033');
  return {
    solutionUniqueName: 'EER122',
    solutionName: { ru: 'Единая электронная регистратура 122', en: 'EER 122 unified electronic registry' },
    solutionDescription: {
      ru: 'Рабочее место оператора линии 122: таблицы, формы, представления, приложение, роль, переменные среды и элементы управления PCF.',
      en: 'Operator workspace of health line 122: tables, forms, views, app, role, environment variables and PCF controls.',
    },
    // Dataverse wants four parts; the npm version gives the first three.
    version: `${pkg.version}.0`,
    publisher: {
      uniqueName: cfg.publisher.uniqueName,
      name: { ru: cfg.publisher.displayName['1049'] ?? cfg.publisher.uniqueName, en: cfg.publisher.displayName['1033'] ?? cfg.publisher.uniqueName },
      prefix: cfg.publisher.customizationPrefix,
      optionValuePrefix: cfg.publisher.optionValuePrefix,
    },
    controlNamespace: cfg.controlNamespace,
  };
}
