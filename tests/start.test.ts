import * as path from 'node:path';
import { freePort, spawnUntil, type Spawned } from './support/processes';

const root = path.join(__dirname, '..');

describe('npm start', () => {
  let started: Spawned | undefined;
  afterAll(async () => started?.stop());

  it('starts the local stack on its embedded defaults and the function app answers on the health endpoint', async () => {
    const port = await freePort();
    started = await spawnUntil(process.execPath, [path.join(root, 'scripts', 'start.js')], {
      cwd: root,
      env: { FUNCTIONS_PORT: String(port), IDENTITY_PORT: String(await freePort()) },
      ready: /function app ready: http/,
      timeoutMs: 120_000,
    });
    expect(started.output()).toContain(`http://127.0.0.1:${port}/api/health`);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
