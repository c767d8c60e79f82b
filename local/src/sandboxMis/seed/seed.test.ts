import { DEFAULT_NARROW_SPECIALTIES, DISTRICT_SPECIALTIES, isValidEnp, isValidSnils, localDate } from '@eer/contract';
import type { Location, Organization, Patient, PractitionerRole, Resource, Slot } from '@medplum/fhirtypes';
import { EXT, LOCATION_KIND, LOCATION_KIND_SYSTEM, OMS_SYSTEM, SNILS_SYSTEM } from '../fhirModel';
import { FIXTURE_PATIENTS } from './fixtures';
import { buildRegion, SCHEDULE_DAYS } from './seed';
import { addDays } from './time';

// Several full seeds (2,000 patients each) on a shared 2-core machine: give each test room.
jest.setTimeout(30_000);

const NOW = new Date('2026-03-04T09:00:00Z');
const region = buildRegion({ seed: 122, now: NOW, patients: 2000 });
const of = <T extends Resource>(type: T['resourceType']) => region.filter((r): r is T => r.resourceType === type);
const kindOf = (l: Location) => l.type?.[0]?.coding?.find((c) => c.system === LOCATION_KIND_SYSTEM)?.code;

describe('seed', () => {
  it('is deterministic: the same seed gives the same resources, another seed other patients', () => {
    expect(buildRegion({ seed: 122, now: NOW, patients: 2000 })).toEqual(region);
    const other = buildRegion({ seed: 123, now: NOW, patients: 2000 });
    expect(other.map((r) => r.id)).not.toEqual(region.map((r) => r.id));
    expect(JSON.stringify(other.filter((r) => r.resourceType === 'Patient'))).not.toEqual(JSON.stringify(of('Patient')));
  });

  it('keeps ids and people when the date moves; only the schedule times follow today', () => {
    const tomorrow = buildRegion({ seed: 122, now: new Date(NOW.getTime() + 86_400_000), patients: 2000 });
    expect(tomorrow.filter((r) => r.resourceType === 'Patient')).toEqual(of('Patient'));
    expect(tomorrow.filter((r) => r.resourceType === 'Organization')).toEqual(of('Organization'));
  });

  it('has 3 districts, 10 MOs with departments, zones and served buildings, home-visit hours', () => {
    const orgs = of<Organization>('Organization');
    const kinds = (code: string) => orgs.filter((o) => o.type?.[0]?.coding?.[0]?.code === code);
    expect(kinds('district')).toHaveLength(3);
    expect(kinds('mo')).toHaveLength(10);
    expect(kinds('department')).toHaveLength(30);
    const locations = of<Location>('Location');
    expect(locations.filter((l) => kindOf(l) === LOCATION_KIND.zone)).toHaveLength(30);
    const buildings = locations.filter((l) => kindOf(l) === LOCATION_KIND.building);
    expect(buildings).toHaveLength(180);
    expect(new Set(buildings.map((b) => b.address?.text)).size).toBe(180);
    expect(new Set(buildings.map((b) => b.identifier?.[0]?.value)).size).toBe(180);
    expect(of('HealthcareService').filter((h) => h.id?.startsWith('hs-hv-'))).toHaveLength(10);
  });

  it('has 60 doctors of every district and narrow specialty', () => {
    const roles = of<PractitionerRole>('PractitionerRole');
    expect(roles).toHaveLength(60);
    expect(of('Practitioner')).toHaveLength(60);
    const codes = new Set(roles.map((r) => r.specialty?.[0]?.coding?.[0]?.code));
    for (const s of [...DISTRICT_SPECIALTIES, ...DEFAULT_NARROW_SPECIALTIES]) expect(codes).toContain(s.code);
  });

  it('schedules 14 days from today in the region, working hours, 15–20 minute slots, some busy', () => {
    const slots = of<Slot>('Slot').filter((s) => s.id?.startsWith('slot-') && !s.id.startsWith('slot-past-'));
    const today = localDate(NOW);
    const dates = new Set(slots.map((s) => s.start.slice(0, 10)));
    for (const d of dates) expect(d >= today && d <= addDays(today, SCHEDULE_DAYS - 1)).toBe(true);
    expect(dates.size).toBe(10);
    for (const s of slots) {
      const minutes = (Date.parse(s.end) - Date.parse(s.start)) / 60_000;
      expect([15, 20]).toContain(minutes);
      expect(s.start.slice(11, 16) >= '08:00' && s.end.slice(11, 16) <= '20:00').toBe(true);
      expect(s.start.endsWith('+03:00')).toBe(true);
    }
    const busy = slots.filter((s) => s.status === 'busy').length / slots.length;
    expect(busy).toBeGreaterThan(0.15);
    expect(busy).toBeLessThan(0.35);
  });

  it('has 2,000 patients of all ages with valid unique SNILS and ЕНП, phones, addresses in zones, attachments', () => {
    const patients = of<Patient>('Patient');
    expect(patients).toHaveLength(2000);
    const snils = patients.map((p) => p.identifier?.find((i) => i.system === SNILS_SYSTEM)?.value ?? '');
    expect(new Set(snils).size).toBe(2000);
    expect(snils.every(isValidSnils)).toBe(true);
    const enp = patients.map((p) => p.identifier?.find((i) => i.system === OMS_SYSTEM)?.value ?? '').filter((v) => /^\d{16}$/.test(v));
    expect(enp.length).toBeGreaterThan(1800);
    expect(enp.every(isValidEnp)).toBe(true);
    const years = patients.map((p) => 2026 - Number(p.birthDate?.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThan(3);
    expect(Math.max(...years)).toBeGreaterThan(85);
    const phones = patients.map((p) => p.telecom?.[0]?.value ?? '');
    expect(phones.every((p) => /^\+7\d{10}$/.test(p))).toBe(true);
    expect(phones.filter((p) => p.startsWith('+79')).length / 2000).toBeGreaterThan(0.8);
    const cities = new Set(of<Location>('Location').filter((l) => kindOf(l) === LOCATION_KIND.building).map((b) => `${b.address?.city}|${b.address?.line?.[0]}|${b.address?.line?.[1]}`));
    expect(patients.every((p) => cities.has(`${p.address?.[0]?.city}|${p.address?.[0]?.line?.[0]}|${p.address?.[0]?.line?.[1]}`))).toBe(true);
    const attached = patients.filter((p) => p.generalPractitioner?.length);
    expect(attached.length / 2000).toBeGreaterThan(0.95);
    expect(attached.every((p) => p.extension?.some((e) => e.url === EXT.attachmentZone))).toBe(true);
    expect(of('Appointment').length).toBeGreaterThan(2000);
  });

  it('contains every fixture patient as documented', () => {
    const patients = new Map(of<Patient>('Patient').map((p) => [p.id, p]));
    for (const fx of Object.values(FIXTURE_PATIENTS)) {
      const p = patients.get(fx.id);
      expect(p?.name?.[0]?.family).toBe(fx.lastName);
      expect(p?.birthDate).toBe(fx.birthDate);
      expect(isValidSnils(fx.snils)).toBe(true);
      if (typeof fx.policy === 'string') expect(isValidEnp(fx.policy)).toBe(true);
    }
  });

  it('has vaccination points with slots of capacity 4', () => {
    const points = of<Location>('Location').filter((l) => kindOf(l) === LOCATION_KIND.vaccinationPoint);
    expect(points).toHaveLength(4);
    const vslots = of<Slot>('Slot').filter((s) => s.id?.startsWith('vslot-'));
    expect(vslots.length).toBeGreaterThan(400);
    expect(vslots.every((s) => s.extension?.some((e) => e.url === EXT.slotCapacity && e.valueInteger === 4))).toBe(true);
  });
});
