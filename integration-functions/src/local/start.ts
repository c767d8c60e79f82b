/** `npm start` of the function app: the local host on the embedded defaults (local.settings.json or its template). */
import { startLocalHost } from './host';
import { loadDefinitions } from './loadDefinitions';
import { applyLocalSettings, routePrefix } from './settings';

async function main(): Promise<void> {
  const settings = applyLocalSettings();
  const port = Number(process.env.FUNCTIONS_PORT ?? settings.Host?.LocalHttpPort ?? 7071);
  const definitions = loadDefinitions();
  const host = await startLocalHost({ definitions, port, host: process.env.FUNCTIONS_HOST ?? '127.0.0.1', routePrefix: routePrefix(), cors: settings.Host?.CORS });
  process.stdout.write(`function app: ${definitions.length} functions on ${host.url}\n`);
  for (const d of definitions) {
    process.stdout.write(`  ${(d.options.methods ?? ['ANY']).join(',').padEnd(12)} ${host.url}/${d.options.route ?? d.name}  (${d.name})\n`);
  }
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`function app failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
