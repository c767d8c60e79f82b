import * as path from 'node:path';
import { freePort, spawnUntil, type Spawned } from './support/processes';

const root = path.join(__dirname, '..');
const PORT_VARIABLES = ['FUNCTIONS_PORT', 'EER_SIGNALR_PORT', 'EER_MIS_PORT', 'EER_SMS_PORT', 'EER_SMTP_API_PORT', 'EER_DESK_PORT', 'EER_SMTP_PORT', 'EER_STORAGE_PORT'];

describe('npm start', () => {
  let started: Spawned | undefined;
  afterAll(async () => started?.stop(), 60_000);

  it('starts the whole local line on its embedded defaults; the function app answers on health and the desk is served', async () => {
    // Every well-known port moved to a free one, so the test never collides with a running `npm start`.
    const env: Record<string, string> = {};
    for (const name of PORT_VARIABLES) env[name] = String(await freePort());
    // The identity's https listener takes the next port: pick a free pair's first port.
    let identity = await freePort();
    while (identity + 1 > 65535) identity = await freePort();
    env.IDENTITY_PORT = String(identity);
    started = await spawnUntil(process.execPath, [path.join(root, 'scripts', 'start.js')], {
      cwd: root,
      env,
      ready: /function app ready: http/,
      timeoutMs: 280_000,
    });
    const functions = `http://127.0.0.1:${env.FUNCTIONS_PORT}/api`;
    expect(started.output()).toContain(`${functions}/health`);
    const res = await fetch(`${functions}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(started.output()).toContain(`:${env.EER_DESK_PORT}`);
  }, 300_000);
});
