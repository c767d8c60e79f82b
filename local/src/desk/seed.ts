/**
 * What an admin does after importing the solution, done for the local desk: the reference rows the solution
 * documents as admin-loaded (IVR topics with greeting scripts, call types, narrow specialties, information articles,
 * from `solution/data`), announcements, the environment variables (definitions from the solution, current values
 * pointing at the local stack and the development identity), and the Dynamics users (the development operators).
 */
import { ANNOUNCEMENT_SEVERITY_VALUES, COLUMNS, ENVIRONMENT_VARIABLE_TYPES, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { readSeedData, type SolutionModel } from '@eer/solution';
import type { DevOperator } from '../devIdentity';
import type { DeskUser } from './browser/bootstrap';
import type { DeskStore } from './store';

/** Dynamics users for the development operators: stable ids, the UPN as `domainname` (MSAL's login hint). */
export function deskUsers(operators: DevOperator[]): DeskUser[] {
  return operators.map((o, i) => ({
    id: `00000000-0000-4000-8000-${(0x122000 + i + 1).toString(16).padStart(12, '0')}`,
    operatorId: o.id,
    upn: o.upn,
    name: o.name,
    roles: o.roles ?? [],
  }));
}

export interface SeedSettings {
  functionsBaseUrl: string;
  authClientId: string;
  authAuthority: string;
  functionsScope: string;
  /** Overrides of other variables' current values (schema name → value); e.g. a threshold for a test. */
  values?: Record<string, string>;
}

/** Announcements of the start window (manual §2): what a supervisor would have published today. */
export function seedAnnouncements(now = new Date()): Array<{ title: string; text: string; severity: keyof typeof ANNOUNCEMENT_SEVERITY_VALUES; expiresAt: string }> {
  const tomorrow = new Date(now.getTime() + 24 * 3600_000).toISOString();
  return [
    {
      title: 'Режим работы в праздничные дни',
      text: 'В праздничные дни поликлиники региона работают по графику выходного дня; вызовы врача на дом принимаются с 09:00 до 12:00.',
      severity: 'warning',
      expiresAt: tomorrow,
    },
    {
      title: 'Углублённая диспансеризация',
      text: 'Граждан, переболевших COVID-19, записывайте на углублённую диспансеризацию в поликлинику по месту прикрепления.',
      severity: 'info',
      expiresAt: tomorrow,
    },
  ];
}

export function seedStore(store: DeskStore, model: SolutionModel, settings: SeedSettings, users: DeskUser[]): void {
  for (const table of readSeedData()) {
    for (const row of table.rows) store.create(table.table, row);
  }

  const A = COLUMNS.announcement;
  const now = new Date();
  for (const a of seedAnnouncements(now)) {
    store.create(TABLES.announcement, {
      [A.name]: a.title,
      [A.text]: a.text,
      [A.severity]: ANNOUNCEMENT_SEVERITY_VALUES[a.severity],
      [A.publishedAt]: now.toISOString(),
      [A.expiresAt]: a.expiresAt,
      [A.isActive]: true,
    });
  }

  const current: Record<string, string> = {
    [ENVIRONMENT_VARIABLES.functionsBaseUrl]: settings.functionsBaseUrl,
    [ENVIRONMENT_VARIABLES.authClientId]: settings.authClientId,
    [ENVIRONMENT_VARIABLES.authAuthority]: settings.authAuthority,
    [ENVIRONMENT_VARIABLES.functionsScope]: settings.functionsScope,
    ...settings.values,
  };
  const typeValue = { string: ENVIRONMENT_VARIABLE_TYPES.String, number: ENVIRONMENT_VARIABLE_TYPES.Number, boolean: ENVIRONMENT_VARIABLE_TYPES.Boolean, json: ENVIRONMENT_VARIABLE_TYPES.JSON };
  for (const v of Object.values(model.environmentVariables)) {
    const definitionId = store.create('environmentvariabledefinition', {
      schemaname: v.schemaName,
      displayname: v.displayName.ru,
      description: v.description.ru,
      defaultvalue: v.defaultValue ?? null,
      type: typeValue[v.type],
      isrequired: v.required,
    });
    const value = current[v.schemaName];
    if (value !== undefined) {
      store.create('environmentvariablevalue', {
        schemaname: v.schemaName,
        value,
        'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${definitionId})`,
      });
    }
  }

  for (const u of users) {
    store.create('systemuser', {
      systemuserid: u.id,
      fullname: u.name,
      domainname: u.upn,
      internalemailaddress: u.upn,
      azureactivedirectoryobjectid: u.operatorId,
      isdisabled: false,
    });
  }
}
