import { parseSearchRequest } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { ResourceType } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from './definitions';
import { IndexedRepository } from './repository';
import { buildRegion } from './seed/seed';

// Several full seeds (2,000 patients each) on a shared 2-core machine: give each test room.
jest.setTimeout(30_000);

let indexed: IndexedRepository;
let plain: MemoryRepository;

beforeAll(async () => {
  loadFhirDefinitions();
  const region = buildRegion({ seed: 5, now: new Date('2026-03-04T09:00:00Z'), patients: 300 });
  indexed = new IndexedRepository();
  plain = new MemoryRepository();
  for (const r of region) {
    await indexed.createResource(r);
    await plain.createResource(r);
  }
}, 60_000);

async function ids(repo: MemoryRepository, url: string): Promise<string[]> {
  const [type, query] = url.split('?');
  const bundle = await repo.search(parseSearchRequest(type as ResourceType, Object.fromEntries(new URLSearchParams(query))));
  return (bundle.entry ?? []).map((e) => e.resource?.id as string).sort();
}

describe('indexed repository', () => {
  it.each([
    'Patient?identifier=https://fhir.ru/ig/core/systems/snils|11223344595',
    'Patient?identifier=11223344595',
    'Patient?phone=%2B79995550011',
    'Patient?birthdate=1980-05-15',
    'Patient?general-practitioner=Organization/mo-03',
    'Slot?schedule=Schedule/sch-01,Schedule/sch-02&status=free',
    'Slot?schedule=Schedule/sch-03&start=ge2026-03-05T00:00:00Z&start=lt2026-03-06T00:00:00Z',
    'Appointment?patient=Patient/pat-fx-with-ticket',
    'Appointment?slot=Slot/slot-02-01-01',
    'PractitionerRole?organization=Organization/mo-01&specialty=urn:eer122:fhir:specialty|therapist',
    'PractitionerRole?location=Location/zone-01-2',
    'Location?type=urn:eer122:fhir:location-kind|building&partof=Location/zone-05-2',
    'Organization?partof=Organization/district-2',
    'Patient?_id=pat-0001,pat-0002,pat-fx-adult',
    'Slot?schedule=Schedule/sch-05&status=free&start=gt2026-03-05T10:00:00%2B03:00&start=le2026-03-09',
    'Slot?schedule=Schedule/sch-06&start=2026-03-05',
    'Slot?schedule=Schedule/sch-06&start=ne2026-03-05',
    'Patient?identifier=https://fhir.ru/ig/core/systems/oms|',
    'Location?type=urn:eer122:fhir:location-kind|zone&organization=Organization/mo-02',
    'HealthcareService?service-type=urn:eer122:fhir:service-kind|home-visit&organization=Organization/mo-04',
    'Schedule?actor=PractitionerRole/role-01,Location/vp-1',
  ])('gives what Medplum gives for %s', async (url) => {
    const expected = await ids(plain, url);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(indexed, url)).toEqual(expected);
  });

  it('matches strings by prefix of the value or a word, not anywhere inside', async () => {
    expect(await ids(indexed, 'Patient?family=Шуб')).toEqual(['pat-fx-namesake', 'pat-fx-with-ticket']);
    expect(await ids(indexed, 'Patient?family=шубин')).toEqual(['pat-fx-namesake', 'pat-fx-with-ticket']);
    expect(await ids(indexed, 'Patient?family=убин')).toEqual([]);
    expect(await ids(plain, 'Patient?family=убин')).toContain('pat-fx-namesake');
    expect(await ids(indexed, 'Patient?family:contains=убин')).toEqual(['pat-fx-namesake', 'pat-fx-with-ticket']);
    expect(await ids(indexed, 'Patient?family:exact=Шуб')).toEqual([]);
    expect(await ids(indexed, 'Location?name=Северогорск')).toEqual(['locality-1']);
  });

  it('keeps indexes current on update and delete', async () => {
    const patient = await indexed.readResource('Patient', 'pat-0003');
    await indexed.updateResource({ ...patient, telecom: [{ system: 'phone', value: '+79001112233' }] });
    expect(await ids(indexed, 'Patient?phone=%2B79001112233')).toEqual(['pat-0003']);
    await indexed.deleteResource('Patient', 'pat-0003');
    expect(await ids(indexed, 'Patient?phone=%2B79001112233')).toEqual([]);
  });

  it('sorts by every _sort key and pages with _count, reporting the total', async () => {
    const bundle = await indexed.search(parseSearchRequest('Patient', { _sort: 'family,birthdate', _count: '5', family: 'Ив' }));
    const families = (bundle.entry ?? []).map((e) => (e.resource as { name?: { family?: string }[] }).name?.[0]?.family ?? '');
    expect(families).toEqual([...families].sort((a, b) => a.localeCompare(b)));
    expect(bundle.entry).toHaveLength(5);
    expect(bundle.total).toBeGreaterThan(5);
  });
});
