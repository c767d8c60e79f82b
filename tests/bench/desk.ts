/**
 * `npm run bench:desk [-- --calls 20]`: the operator desk's two waits that matter to an operator, over N calls taken
 * end to end in headless Chromium on the whole local stack (as tests/e2e runs it):
 * - call → popup: from just before the telephony webhook POST to «Ответить» on the start window (page clock);
 * - SNILS → list: from the last digit of a SNILS typed (key by key) to the patient in the list (includes the
 *   control's 300 ms search delay set on the form: searchDelayMs).
 * Each call: offered to the group → popup → answered (claim, record, call form) → SNILS → card → completed.
 * Prints p50/p95/max and the load average; figures go to docs/desk.md.
 */
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { DeskSession } from '../e2e/deskSession';
import { FIXTURES, callTypeName, identifyBySnils, percentile } from '../e2e/flows';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { calls: { type: 'string', default: '20' } } });
  const calls = Number(values.calls);
  if (!Number.isInteger(calls) || calls < 1) throw new Error('--calls must be a positive whole number');
  const patients = [FIXTURES.adult, FIXTURES.withTicket, FIXTURES.familyMother, FIXTURES.unattached];
  const popup: number[] = [];
  const search: number[] = [];
  const started = Date.now();
  const session = await DeskSession.start();
  process.stdout.write(`stack + desk + browser up in ${((Date.now() - started) / 1000).toFixed(1)} s; ${calls} calls…\n`);
  try {
    for (let i = 0; i < calls; i++) {
      const digit = (i % 8) + 1;
      const shown = await session.watchForPopup();
      const call = await session.placeCall(digit, null);
      popup.push((await shown()) - call.postedAt);
      await session.answer();
      search.push(await identifyBySnils(session, patients[i % patients.length]!));
      await session.hangUp(call, digit);
      await session.complete(callTypeName('consultation_other'));
      process.stdout.write(`  call ${i + 1}: popup ${popup[i]} ms, SNILS→list ${search[i]} ms\n`);
    }
  } finally {
    await session.close();
  }
  const line = (name: string, v: number[]) =>
    `| ${name} | ${v.length} | ${percentile(v, 50)} | ${percentile(v, 95)} | ${Math.max(...v)} |`;
  process.stdout.write(
    [
      '',
      `operator desk, ${calls} calls, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
      '| wait | n | p50 ms | p95 ms | max ms |',
      '| --- | --- | --- | --- | --- |',
      line('call (webhook POST) → popup on screen', popup),
      line('typed SNILS → patient in the list', search),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:desk failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
