/**
 * Sandbox MIS figures: start-up (FHIR definitions, seed), and patient search latency over HTTP directly against the
 * sandbox (p50/p99 of N searches each), next to Medplum's plain MemoryRepository doing the same searches in-process
 * (the linear scan the indexed repository replaces). Free slots of 5 doctors over 14 days too.
 *
 *   npm run bench:sandbox-mis     (tsc -b local tests && node tests/dist/bench/sandboxMis.js [searches])
 */
import { startSandboxMis } from '@eer/local';
import { parseSearchRequest } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Patient, ResourceType } from '@medplum/fhirtypes';

const SNILS = 'https://fhir.ru/ig/core/systems/snils';
const OMS = 'https://fhir.ru/ig/core/systems/oms';
const N = Number(process.argv[2] ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms`;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const mis = await startSandboxMis({ seed: 122 });
  const total = Date.now() - startedAt;
  process.stdout.write(`sandbox MIS start-up: ${total} ms in all (FHIR definitions ${mis.startup.definitionsMs} ms, seed ${mis.startup.seedMs} ms, ${mis.startup.resources} resources)\n`);

  const patients = await mis.repository.searchResources<Patient>({ resourceType: 'Patient' });
  const pick = (i: number) => patients[(i * 7919) % patients.length] as Patient;
  const id = (p: Patient, system: string) => p.identifier?.find((x) => x.system === system)?.value ?? '';
  const queries: Record<string, (i: number) => string> = {
    'by SNILS': (i) => `Patient?identifier=${encodeURIComponent(`${SNILS}|${id(pick(i), SNILS)}`)}&_count=11`,
    'by ЕНП/policy': (i) => `Patient?identifier=${encodeURIComponent(`${OMS}|${id(pick(i), OMS)}`)}&_count=11`,
    'by phone': (i) => `Patient?phone=${encodeURIComponent(pick(i).telecom?.[0]?.value ?? '')}&_count=11`,
    'by name (family + given prefixes)': (i) => {
      const name = pick(i).name?.[0];
      return `Patient?family=${encodeURIComponent((name?.family ?? '').slice(0, 4))}&given=${encodeURIComponent((name?.given?.[0] ?? '').slice(0, 3))}&_count=11`;
    },
    'by family name only (3 letters)': (i) => `Patient?family=${encodeURIComponent((pick(i).name?.[0]?.family ?? '').slice(0, 3))}&_count=11`,
    'by birth date': (i) => `Patient?birthdate=${pick(i).birthDate}&_count=11`,
  };

  const plain = new MemoryRepository();
  for (const type of ['Patient'] as const) {
    for (const r of await mis.repository.searchResources({ resourceType: type })) await plain.createResource(r);
  }

  process.stdout.write(`\npatient search over HTTP against the sandbox, ${N} searches each (2,000 patients):\n`);
  for (const [label, make] of Object.entries(queries)) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < N; i++) {
      const started = performance.now();
      const res = await fetch(`${mis.baseUrl}/${make(i)}`);
      const bundle = (await res.json()) as { entry?: unknown[] };
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
      found += bundle.entry?.length ?? 0;
    }
    const linear: number[] = [];
    for (let i = 0; i < Math.min(N, 20); i++) {
      const [type, query] = make(i).split('?');
      const request = parseSearchRequest(type as ResourceType, Object.fromEntries(new URLSearchParams(query)));
      const started = performance.now();
      await plain.search(request);
      linear.push(performance.now() - started);
    }
    process.stdout.write(`  ${label.padEnd(34)} ${summary(times)}   (${(found / N).toFixed(1)} found avg; Medplum linear scan in-process: ${summary(linear)})\n`);
  }

  const doctors = ['role-01', 'role-02', 'role-03', 'role-04', 'role-05'];
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const schedules = doctors.map((d) => `PractitionerRole/${d}`).join(',');
  const slotTimes: number[] = [];
  for (let i = 0; i < Math.min(N, 100); i++) {
    const started = performance.now();
    const sch = (await (await fetch(`${mis.baseUrl}/Schedule?actor=${schedules}`)).json()) as { entry?: { resource: { id: string } }[] };
    const ids = (sch.entry ?? []).map((e) => `Schedule/${e.resource.id}`).join(',');
    await (await fetch(`${mis.baseUrl}/Slot?schedule=${ids}&status=free&start=ge${encodeURIComponent(from)}&start=lt${encodeURIComponent(to)}&_count=1000`)).json();
    slotTimes.push(performance.now() - started);
  }
  process.stdout.write(`\nfree slots of 5 doctors over 14 days (Schedule + Slot searches): ${summary(slotTimes)}\n`);
  await mis.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
