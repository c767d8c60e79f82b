/**
 * @eer/solution: the Dataverse solution of EER 122 as source and as data.
 * - `readSolutionModel()` — tables, columns, choices, forms (with control bindings), views and environment variables
 *   parsed from the shipped XML; the operator desk builds its local store from it.
 * - `readSeedData()` — the reference rows (IVR topics, call types, specialties, articles) the admin loads after import.
 * - `generateSource()`, `packSolution()`, `unpackSolution()` — what `npm run package` uses.
 */
export { readSolutionModel, readSolutionModelFromTree } from './readModel';
export type {
  DataverseType,
  ModelChoice,
  ModelColumn,
  ModelControlBinding,
  ModelEnvironmentVariable,
  ModelForm,
  ModelFormCell,
  ModelOption,
  ModelTable,
  ModelView,
  SolutionModel,
} from './readModel';
export { checkSeedData, readSeedData, seedCsv } from './data';
export type { SeedTable, SeedValue } from './data';
export { generateSource, readTree, writeTree } from './generate';
export type { FileTree } from './generate';
export { packSolution, unpackSolution, readZip } from './pack';
export { solutionPaths, product } from './config';
export type { Label } from './config';
