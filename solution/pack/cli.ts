/**
 * `npm run package`: regenerates solution/src from the model, the placements and the built controls, then writes
 * solution/bin/EER122_<version>.zip (unmanaged), EER122_<version>_managed.zip, model.json (readSolutionModel()) and the
 * reference data (JSON + CSV).
 * `--source-only` regenerates solution/src without controls and zips (what is committed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { product, solutionPaths } from './config';
import { checkSeedData, readSeedData, seedCsv } from './data';
import { pendingPlacements } from './form';
import { CONTROLS_FOLDER, discoverProductControls, generateSource, writeTree } from './generate';
import { packSolution } from './pack';
import { readSolutionModel } from './readModel';

function main(): void {
  const sourceOnly = process.argv.includes('--source-only');
  const paths = solutionPaths();
  const pending = pendingPlacements(discoverProductControls(paths));
  if (pending.length > 0) console.warn(`placements left out, no such control under controls/: ${[...new Set(pending)].join(', ')}`);
  const tree = generateSource({ paths, withControls: !sourceOnly });
  if (sourceOnly) {
    // Keep the control folders a previous package run copied in (build output, gitignored).
    writeTree(paths.src, new Map([...tree].concat([...readControls(paths.src)])));
    console.log(`solution source written: ${paths.src} (${tree.size} files)`);
    return;
  }
  writeTree(paths.src, tree);
  const model = readSolutionModel(paths.src);
  const seed = readSeedData(paths.data);
  const problems = checkSeedData(seed, model);
  if (problems.length > 0) throw new Error(`reference data does not fit the model:\n${problems.join('\n')}`);

  const p = product(paths.root);
  const base = `${p.solutionUniqueName}_${p.version.replace(/\./g, '_')}`;
  fs.mkdirSync(path.join(paths.bin, 'data'), { recursive: true });
  const rows: { file: string; bytes: number }[] = [];
  for (const [managed, file] of [
    [false, `${base}.zip`],
    [true, `${base}_managed.zip`],
  ] as const) {
    const zip = packSolution(tree, managed);
    fs.writeFileSync(path.join(paths.bin, file), zip);
    rows.push({ file: `solution/bin/${file}`, bytes: zip.length });
  }
  // The same model readSolutionModel() returns, for a browser page that cannot read solution/src itself.
  fs.writeFileSync(path.join(paths.bin, 'model.json'), JSON.stringify(model, null, 2) + '\n');
  for (const s of seed) {
    fs.writeFileSync(path.join(paths.bin, 'data', `${s.table}.json`), JSON.stringify(s, null, 2) + '\n');
    fs.writeFileSync(path.join(paths.bin, 'data', `${s.table}.csv`), seedCsv(s, model));
  }
  const controls = [...tree.keys()].filter((k) => k.endsWith('/ControlManifest.xml')).map((k) => k.split('/')[1]);
  console.log(`solution ${p.solutionUniqueName} ${p.version}: ${Object.keys(model.tables).length} tables, ${controls.length} controls (${controls.join(', ')})`);
  console.table(rows);
  console.log(`reference data: solution/bin/data/*.json|csv (${seed.map((s) => `${s.table} ${s.rows.length}`).join(', ')})`);
}

function readControls(src: string): [string, Buffer][] {
  const dir = path.join(src, CONTROLS_FOLDER);
  const out: [string, Buffer][] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.push([`${CONTROLS_FOLDER}/${p}`, fs.readFileSync(path.join(dir, p))]);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
