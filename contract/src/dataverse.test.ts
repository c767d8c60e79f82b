import {
  ANNOUNCEMENT_SEVERITY_VALUES,
  APPEAL_KIND_VALUES,
  APPEAL_TOPIC_VALUES,
  CALL_STATUS_VALUES,
  CHOICES,
  COLUMNS,
  TABLES,
  callStatusFromValue,
  choiceKey,
  DELIVERY_STATUS_VALUES,
  DOSE_VALUES,
  ENVIRONMENT_VARIABLE_DEFINITIONS,
  ENVIRONMENT_VARIABLES,
  OPTION_VALUE_PREFIX,
  VACCINE_VALUES,
} from './dataverse';
import { AppealKind, AppealTopic } from './appeal';
import { CallStatus } from './call';
import { DeliveryStatus } from './homeVisit';
import { WeeklyHours } from './reference';
import * as z from 'zod/mini';
import { AnnouncementSeverity } from './telephony';
import { Vaccine } from './vaccination';

describe('Dataverse names', () => {
  it('every table and column carries the publisher prefix and is a valid lower-case logical name', () => {
    for (const [key, table] of Object.entries(TABLES)) {
      expect(table).toMatch(/^eer_[a-z0-9]+$/);
      for (const column of Object.values(COLUMNS[key as keyof typeof COLUMNS])) expect(column).toMatch(/^eer_[a-z0-9]+$/);
    }
  });

  it('no table has two properties naming the same column', () => {
    for (const columns of Object.values(COLUMNS)) {
      const names = Object.values(columns);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('call status choices cover every status, are unique, and map back', () => {
    expect(Object.keys(CALL_STATUS_VALUES).sort()).toEqual([...CallStatus.options].sort());
    const values = [...Object.values(CALL_STATUS_VALUES), ...Object.values(DELIVERY_STATUS_VALUES)];
    expect(new Set(values).size).toBe(values.length);
    for (const status of CallStatus.options) expect(callStatusFromValue(CALL_STATUS_VALUES[status])).toBe(status);
    expect(callStatusFromValue(1)).toBeNull();
  });

  it('every choice covers its contract enum, values are unique across choices and carry the option-value prefix', () => {
    const cases: [Record<string, number>, readonly string[]][] = [
      [CALL_STATUS_VALUES, CallStatus.options],
      [DELIVERY_STATUS_VALUES, DeliveryStatus.options],
      [APPEAL_KIND_VALUES, AppealKind.options],
      [APPEAL_TOPIC_VALUES, AppealTopic.options],
      [ANNOUNCEMENT_SEVERITY_VALUES, AnnouncementSeverity.options],
      [VACCINE_VALUES, Vaccine.options],
      [DOSE_VALUES, ['1', '2', 'booster']],
    ];
    const all: number[] = [];
    for (const [values, keys] of cases) {
      expect(Object.keys(values).sort()).toEqual([...keys].sort());
      for (const [key, value] of Object.entries(values)) {
        expect(Math.floor(value / 10000)).toBe(OPTION_VALUE_PREFIX);
        expect(choiceKey(values, value)).toBe(key);
        all.push(value);
      }
    }
    expect(new Set(all).size).toBe(all.length);
    expect(choiceKey(APPEAL_KIND_VALUES, 42)).toBeNull();
    expect(Object.keys(CHOICES)).toHaveLength(cases.length);
    for (const name of Object.values(CHOICES)) expect(name).toMatch(/^eer_[a-z]+$/);
  });

  it('defines every environment variable once, with labels in both languages and defaults of its type', () => {
    for (const [key, d] of Object.entries(ENVIRONMENT_VARIABLE_DEFINITIONS)) {
      expect(d.schemaName).toBe(ENVIRONMENT_VARIABLES[key as keyof typeof ENVIRONMENT_VARIABLES]);
      expect(d.displayName.ru && d.displayName.en && d.description.ru && d.description.en).toBeTruthy();
      expect(d.isRequired).toBe(d.defaultValue === null);
    }
    expect(Number(ENVIRONMENT_VARIABLE_DEFINITIONS.callTimeThresholdSeconds.defaultValue)).toBe(180);
    expect(z.safeParse(WeeklyHours, JSON.parse(ENVIRONMENT_VARIABLE_DEFINITIONS.homeVisitHours.defaultValue!)).success).toBe(true);
  });
});
