/** The call simulator (`npm run call`, built to local/dist) places calls an operator's client receives. */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startStack, type Stack } from '@eer/local';
import { connectOperator, webhookSecret, type OperatorClient } from './support';

const run = promisify(execFile);
const simulator = path.join(__dirname, '..', '..', 'local', 'dist', 'callSimulator.js');

jest.setTimeout(60_000);

describe('call simulator', () => {
  let stack: Stack;
  let op: OperatorClient;

  beforeAll(async () => {
    if (!fs.existsSync(simulator)) throw new Error('build first: npx tsc -b local');
    stack = await startStack({ log: () => undefined });
    op = await connectOperator(stack.functionsUrl, 'op-sim', await stack.operatorToken('op-sim'));
  });
  afterAll(async () => {
    await op?.stop();
    await stack?.close();
  });

  const call = (...args: string[]) => run(process.execPath, [simulator, '--url', `${stack.functionsUrl}/telephony/events`, '--secret', webhookSecret(), ...args]);

  it('places a whole call to one operator: offered, answered, ended', async () => {
    const { stdout } = await call('--event', 'full', '--digit', '4', '--from', '+79161234567', '--operator', 'op-sim', '--ring-ms', '50', '--talk-ms', '50', '--call-id', 'sim-full-1');
    expect(stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['offered', 'answered', 'ended']);
    const offered = await op.next('callOffered', (n) => n.telephonyCallId === 'sim-full-1');
    expect(offered).toMatchObject({ ivrDigit: 4, callerNumber: '+79161234567', operatorId: 'op-sim', claimable: false });
    await op.next('callTaken', (t) => t.telephonyCallId === 'sim-full-1' && t.operatorId === 'op-sim');
    await op.next('callEnded', (e) => e.telephonyCallId === 'sim-full-1');
  });

  it('offers a call to the group and reports a rejected event with a failing exit code', async () => {
    // No --event and no operator: the call is only offered (the operator answers on the desk).
    const { stdout } = await call('--digit', '1', '--call-id', 'sim-group-1');
    expect(stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['offered']);
    expect(await op.next('callOffered', (n) => n.telephonyCallId === 'sim-group-1')).toMatchObject({ claimable: true, callerNumber: null });
    await expect(run(process.execPath, [simulator, '--url', `${stack.functionsUrl}/telephony/events`, '--secret', 'not-the-secret-0123456789', '--event', 'abandoned'])).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('401') });
    await expect(call('--digit', '9')).rejects.toMatchObject({ code: 2 });
  });
});
