import { app, type HttpFunctionOptions } from '@azure/functions';

/** A registered HTTP function: what `app.http` got, kept so the local host can serve the very same definition. */
export interface HttpFunctionDefinition {
  name: string;
  options: HttpFunctionOptions;
}

export function isHttpFunctionDefinition(value: unknown): value is HttpFunctionDefinition {
  const v = value as HttpFunctionDefinition | undefined;
  return typeof v?.name === 'string' && typeof v.options?.handler === 'function';
}

let runtime: boolean | undefined;
/** True inside the Azure Functions worker, which provides `@azure/functions-core` (the SDK's own test). */
function inFunctionsRuntime(): boolean {
  if (runtime === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@azure/functions-core');
      runtime = true;
    } catch {
      runtime = false;
    }
  }
  return runtime;
}

/** Registers with the Functions host and returns the definition; outside the host the SDK would only warn. */
export function defineHttp(name: string, options: HttpFunctionOptions): HttpFunctionDefinition {
  if (inFunctionsRuntime()) app.http(name, options);
  return { name, options };
}
