/**
 * One log file per test run: when EER_LOG_FILE is set, every function and host line of every stack started in the
 * run (each jest worker, each child process that inherits the variable) is appended to it, whatever the caller does
 * with the lines itself. `npm test` sets it and scans the file for personal data afterwards
 * (tests/reliability/scanLogs.ts). Appends are single small writes with O_APPEND, so processes do not interleave
 * within a line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function runLogFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.EER_LOG_FILE?.trim() || undefined;
}

/** The stack's log: the caller's (or stdout), plus the run's log file when there is one. */
export function withRunLog(log: ((line: string) => void) | undefined): (line: string) => void {
  const target = log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const file = runLogFile();
  if (!file) return target;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return (line) => {
    try {
      fs.appendFileSync(file, `${line.replace(/\n/g, '\\n')}\n`);
    } catch {
      // A full disk must not fail the function app; the scan then sees fewer lines, not a false "clean".
    }
    target(line);
  };
}
