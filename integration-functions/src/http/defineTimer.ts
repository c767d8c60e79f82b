import { app, type TimerFunctionOptions } from '@azure/functions';

/**
 * A registered timer function: what `app.timer` got, kept so the local host can run the very same definition on an
 * interval (`local/src/functionsHost/timers.ts`). The shape differs from an HTTP definition on purpose (`timer`, not
 * `options`), so the HTTP host never mounts it as a route.
 */
export interface TimerFunctionDefinition {
  name: string;
  timer: TimerFunctionOptions;
}

export function isTimerFunctionDefinition(value: unknown): value is TimerFunctionDefinition {
  const v = value as TimerFunctionDefinition | undefined;
  return typeof v?.name === 'string' && typeof v.timer?.handler === 'function' && typeof v.timer.schedule === 'string';
}

function inFunctionsRuntime(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@azure/functions-core');
    return true;
  } catch {
    return false;
  }
}

/** Registers with the Functions host (the same test as defineHttp) and returns the definition. */
export function defineTimer(name: string, timer: TimerFunctionOptions): TimerFunctionDefinition {
  if (inFunctionsRuntime()) app.timer(name, timer);
  return { name, timer };
}
