/**
 * Timer functions on the local host: the same definitions the function files register with `app.timer`
 * (integration-functions/src/http/defineTimer.ts), run on an interval instead of their NCRONTAB schedule. A run never
 * overlaps the previous one (as the Functions host's singleton timer lock ensures in Azure).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { InvocationContext, type Timer, type TimerFunctionOptions } from '@azure/functions';
import { functionAppDir } from './loadDefinitions';

export interface TimerFunctionDefinition {
  name: string;
  timer: TimerFunctionOptions;
}

function isTimerDefinition(value: unknown): value is TimerFunctionDefinition {
  const v = value as TimerFunctionDefinition | undefined;
  return typeof v?.name === 'string' && typeof v.timer?.handler === 'function' && typeof v.timer.schedule === 'string';
}

const FROM_SOURCE = __filename.endsWith('.ts');

/** Every timer definition the function files export (the files the HTTP host loads; Node caches them). */
export function loadTimerDefinitions(appDir = functionAppDir()): TimerFunctionDefinition[] {
  const dir = FROM_SOURCE ? path.join(appDir, 'src', 'functions') : path.join(appDir, 'dist', 'src', 'functions');
  const ext = FROM_SOURCE ? '.ts' : '.js';
  const out: TimerFunctionDefinition[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(ext) && !f.endsWith(`.test${ext}`) && !f.endsWith('.d.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (isTimerDefinition(value)) out.push(value);
  }
  return out;
}

export interface LocalTimers {
  /** Runs every timer function once now (after a run in progress), e.g. so a test need not wait for the interval. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startTimers(definitions: TimerFunctionDefinition[], options: { intervalMs: number; log: (line: string) => void }): LocalTimers {
  let current: Promise<void> | null = null;
  let stopped = false;
  let last = new Date();

  const runAll = async () => {
    for (const definition of definitions) {
      const now = new Date();
      const timer: Timer = {
        isPastDue: false,
        schedule: { adjustForDST: false },
        scheduleStatus: { last: last.toISOString(), next: new Date(now.getTime() + options.intervalMs).toISOString(), lastUpdated: now.toISOString() },
      };
      const context = new InvocationContext({
        invocationId: randomUUID(),
        functionName: definition.name,
        logHandler: (level, ...args) => options.log(`[${new Date().toISOString()}] ${definition.name} ${level}: ${args.map(String).join(' ')}`),
      });
      try {
        await definition.timer.handler(timer, context);
      } catch (error) {
        // As the Functions host: the failure is logged (its name only) and the next occurrence runs as usual.
        options.log(`[${new Date().toISOString()}] ${definition.name} error: run failed (${error instanceof Error ? error.name : typeof error})`);
      }
    }
    last = new Date();
  };
  const start = (): Promise<void> => {
    current ??= runAll().finally(() => {
      current = null;
    });
    return current;
  };
  // A tick while a run is still going is skipped, not queued.
  const interval = setInterval(() => {
    if (!stopped && !current) void start();
  }, options.intervalMs);
  interval.unref();
  return {
    runNow: async () => {
      if (current) await current;
      if (!stopped) await start();
    },
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      if (current) await current;
    },
  };
}
