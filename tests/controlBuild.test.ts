import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const controls = path.join(__dirname, '..', 'controls');
// Inside controls/ so the copy resolves pcf-scripts and its tsconfig base like the real controls.
const scratch = path.join(controls, '.build-test');

describe('controls/build.js', () => {
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('fails (exit 1) when pcf-scripts reports a failed build, although pcf-scripts itself exits 0', () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
    fs.cpSync(path.join(controls, 'CallPanel'), path.join(scratch, 'CallPanel'), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}generated`) && !/\.test\.tsx?$/.test(src),
    });
    // Sources only: the copy's build must fail on the one planted error, not on test files.
    fs.cpSync(path.join(controls, 'shared'), path.join(scratch, 'shared'), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
    fs.copyFileSync(path.join(controls, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'));
    fs.writeFileSync(path.join(scratch, 'CallPanel', 'pcfconfig.json'), JSON.stringify({ outDir: '../out/CallPanel' }));
    const index = path.join(scratch, 'CallPanel', 'index.ts');
    // A type error planted at the end of the control's entry file (not exported: pcf-scripts allows one export only).
    fs.appendFileSync(index, "\nconst plantedTypeError: number = 'not a number';\nvoid plantedTypeError;\n");

    const result = spawnSync(process.execPath, [path.join(controls, 'build.js'), '--root', scratch], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('control build failed: CallPanel');
    expect(`${result.stdout}${result.stderr}`).toContain('[build] Failed');
    expect(`${result.stdout}${result.stderr}`).toMatch(/not assignable to type 'number'/);
  }, 300_000);
});
