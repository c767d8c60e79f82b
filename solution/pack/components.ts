/**
 * The solution's other components: global choices, relationships, environment variables, the model-driven app and
 * its site map, the operator security role, and the Solution.xml / Customizations.xml manifests.
 */
import { ENVIRONMENT_VARIABLE_DEFINITIONS, ENVIRONMENT_VARIABLE_TYPES, TABLES, type EnvironmentVariableDefinition } from '@eer/contract';
import { braced, formGuid, INTRODUCED_VERSION, labelEls, labelList, stableGuid, titles, XSI } from './common';
import { LANGUAGES, type Label, type Product } from './config';
import type { ControlInfo } from './controls';
import type { ChoiceDef, ResolvedTable } from './model';
import { el, text, type XmlElement } from './xml';

const L = (ru: string, en: string): Label => ({ ru, en });

/** Solution component type codes (Solution.xml RootComponent type). */
export const COMPONENT_TYPE = {
  table: 1,
  choice: 9,
  role: 20,
  form: 60,
  siteMap: 62,
  customControl: 66,
  modelDrivenApp: 80,
  environmentVariableDefinition: 380,
} as const;

// ---------------------------------------------------------------- choices

export function optionSetXml(choice: ChoiceDef): XmlElement {
  return el(
    'optionset',
    { Name: choice.name, localizedName: choice.label.ru, 'xmlns:xsi': XSI },
    text('OptionSetType', 'picklist'),
    text('IsGlobal', true),
    text('IntroducedVersion', INTRODUCED_VERSION),
    text('IsCustomizable', true),
    text('ExternalTypeName', ''),
    labelList('displaynames', 'displayname', choice.label),
    labelList('Descriptions', 'Description', choice.description),
    el(
      'options',
      {},
      choice.options.map((o) =>
        el(
          'option',
          { value: o.value, ExternalValue: o.key },
          el('labels', {}, labelEls('label', o.label)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- relationships

export interface RelationshipSpec {
  name: string;
  /** The file under Other/Relationships/ it is written to: the referenced table's schema name (or a system table). */
  file: string;
  referencing: string;
  referenced: string;
  attribute: string;
  description: Label;
  cascadeDelete: string;
  /** Custom lookups carry navigation properties and nav pane settings; system ownership relationships do not. */
  custom: boolean;
}

export function relationshipSpecs(tables: ResolvedTable[]): RelationshipSpec[] {
  const specs: RelationshipSpec[] = [];
  for (const t of tables) {
    const sys = (name: string, file: string, referenced: string, attribute: string, description: Label): RelationshipSpec => ({
      name,
      file,
      referencing: t.schemaName,
      referenced,
      attribute,
      description,
      cascadeDelete: 'NoCascade',
      custom: false,
    });
    specs.push(
      sys(`business_unit_${t.logicalName}`, 'BusinessUnit', 'BusinessUnit', 'OwningBusinessUnit', L('Подразделение-владелец записи', 'Business unit that owns the record')),
      sys(`owner_${t.logicalName}`, 'Owner', 'Owner', 'OwnerId', L('Ответственный', 'Owner Id')),
      sys(`lk_${t.logicalName}_createdby`, 'SystemUser', 'SystemUser', 'CreatedBy', L('Кем создано', 'Created by')),
      sys(`lk_${t.logicalName}_modifiedby`, 'SystemUser', 'SystemUser', 'ModifiedBy', L('Кем изменено', 'Modified by')),
      sys(`user_${t.logicalName}`, 'SystemUser', 'SystemUser', 'OwningUser', L('Пользователь-владелец', 'Owning user')),
      sys(`team_${t.logicalName}`, 'Team', 'Team', 'OwningTeam', L('Рабочая группа-владелец', 'Owning team')),
    );
    for (const c of t.columns) {
      if (c.type.kind !== 'lookup') continue;
      const target = tables.find((x) => x.logicalName === TABLES[(c.type as { target: keyof typeof TABLES }).target]);
      if (!target) throw new Error(`${t.logicalName}.${c.logicalName}: lookup target missing`);
      specs.push({
        name: `${t.logicalName}_${c.logicalName}_${target.logicalName}`,
        file: target.schemaName,
        referencing: t.schemaName,
        referenced: target.schemaName,
        attribute: c.schemaName,
        description: c.description,
        // A call can be deleted without losing the appeals, visits and registrations made in it.
        cascadeDelete: 'RemoveLink',
        custom: true,
      });
    }
  }
  return specs;
}

export function relationshipXml(r: RelationshipSpec): XmlElement {
  const cascade = (name: string, value = 'NoCascade') => text(name, value);
  return el(
    'EntityRelationship',
    { Name: r.name },
    text('EntityRelationshipType', 'OneToMany'),
    text('IsCustomizable', true),
    text('IntroducedVersion', INTRODUCED_VERSION),
    text('IsHierarchical', false),
    text('ReferencingEntityName', r.referencing),
    text('ReferencedEntityName', r.referenced),
    cascade('CascadeAssign'),
    cascade('CascadeDelete', r.cascadeDelete),
    cascade('CascadeArchive'),
    cascade('CascadeReparent'),
    cascade('CascadeShare'),
    cascade('CascadeUnshare'),
    r.custom && cascade('CascadeRollupView'),
    r.custom && text('IsValidForAdvancedFind', true),
    text('ReferencingAttributeName', r.attribute),
    el('RelationshipDescription', {}, labelList('Descriptions', 'Description', r.description)),
    r.custom &&
      el(
        'EntityRelationshipRoles',
        {},
        el(
          'EntityRelationshipRole',
          {},
          text('NavPaneDisplayOption', 'UseCollectionName'),
          text('NavPaneArea', 'Details'),
          text('NavPaneOrder', 10000),
          text('NavigationPropertyName', r.attribute),
          text('RelationshipRoleType', 1),
        ),
        el('EntityRelationshipRole', {}, text('NavigationPropertyName', r.name), text('RelationshipRoleType', 0)),
      ),
  );
}

export function relationshipFiles(specs: RelationshipSpec[]): Map<string, XmlElement> {
  const files = new Map<string, XmlElement>();
  for (const file of [...new Set(specs.map((s) => s.file))].sort()) {
    files.set(file, el('EntityRelationships', { 'xmlns:xsi': XSI }, specs.filter((s) => s.file === file).map(relationshipXml)));
  }
  return files;
}

/** Other/Relationships.xml: the names, sorted, as an unpacked solution lists them. */
export function relationshipIndexXml(specs: RelationshipSpec[]): XmlElement {
  const names = specs.map((s) => s.name).sort((a, b) => a.localeCompare(b));
  return el('EntityRelationships', { 'xmlns:xsi': XSI }, names.map((n) => el('EntityRelationship', { Name: n })));
}

// ---------------------------------------------------------------- environment variables

/**
 * The environment variables, as the contract defines them (ENVIRONMENT_VARIABLE_DEFINITIONS, shared with the controls'
 * settings reader). Without a default the admin must set a value after import; the import asks for it.
 */
export const ENV_VARS = ENVIRONMENT_VARIABLE_DEFINITIONS;
export type EnvVarSpec = EnvironmentVariableDefinition;

export function envVarXml(v: EnvVarSpec): XmlElement {
  return el(
    'environmentvariabledefinition',
    { schemaname: v.schemaName },
    v.defaultValue !== null && text('defaultvalue', v.defaultValue),
    el('description', { default: v.description.ru }, labelEls('label', v.description)),
    el('displayname', { default: v.displayName.ru }, labelEls('label', v.displayName)),
    text('introducedversion', INTRODUCED_VERSION),
    text('iscustomizable', true),
    text('isrequired', v.isRequired),
    text('secretstore', 0),
    text('type', ENVIRONMENT_VARIABLE_TYPES[v.type]),
  );
}

// ---------------------------------------------------------------- model-driven app, site map, role

export const APP_UNIQUE_NAME = 'eer_Eer122Registry';
export const APP_NAME = L('Единая электронная регистратура', 'Unified electronic registry');
/** The platform's default model-driven app icon (a web resource every environment has). */
const DEFAULT_APP_ICON = '953b9fac-1e5e-e611-80d6-00155ded156f';

export const ROLE_NAME = 'EER 122 Operator';
export function roleId(): string {
  return stableGuid('role', 'operator');
}

/** The function app's application user (the outbox's CRM update of queued home visits and appeals). */
export const INTEGRATION_ROLE_NAME = 'EER 122 Integration';
export function integrationRoleId(): string {
  return stableGuid('role', 'integration');
}
/** Tables whose rows the function app updates (every row, whoever owns it): delivery status and MIS id. */
const INTEGRATION_TABLES = new Set(['eer_homevisit', 'eer_appeal']);

export function appModuleXml(tables: ResolvedTable[], product: Product): XmlElement {
  return el(
    'AppModule',
    {},
    text('UniqueName', APP_UNIQUE_NAME),
    text('IntroducedVersion', INTRODUCED_VERSION),
    text('WebResourceId', DEFAULT_APP_ICON),
    text('OptimizedFor', ''),
    text('statecode', 0),
    text('statuscode', 1),
    text('FormFactor', 1),
    text('ClientType', 4),
    text('NavigationType', 0),
    el(
      'AppModuleComponents',
      {},
      tables.map((t) => el('AppModuleComponent', { type: COMPONENT_TYPE.table, schemaName: t.logicalName })),
      el('AppModuleComponent', { type: COMPONENT_TYPE.siteMap, schemaName: APP_UNIQUE_NAME }),
    ),
    el('AppModuleRoleMaps', {}, el('Role', { id: braced(roleId()) })),
    labelList('LocalizedNames', 'LocalizedName', APP_NAME),
    labelList('Descriptions', 'Description', product.solutionDescription),
  );
}

interface SubAreaSpec {
  id: string;
  title: Label;
  entity?: string;
  url?: string;
}

export function siteMapXml(tables: ResolvedTable[]): XmlElement {
  const t = (key: keyof typeof TABLES) => tables.find((x) => x.logicalName === TABLES[key])!;
  const entity = (key: keyof typeof TABLES): SubAreaSpec => ({ id: `sub_${TABLES[key]}`, title: t(key).plural, entity: TABLES[key] });
  const groups: { id: string; title: Label; subAreas: SubAreaSpec[] }[] = [
    {
      id: 'grp_workspace',
      title: L('Рабочее место', 'Workspace'),
      subAreas: [
        // The start window: a new call record on the start window form, where the call panel waits for calls.
        { id: 'sub_startwindow', title: L('Стартовое окно', 'Start window'), url: `/main.aspx?pagetype=entityrecord&etn=${TABLES.call}&formid=${formGuid(TABLES.call, 'startWindow')}` },
        entity('call'),
      ],
    },
    { id: 'grp_requests', title: L('Обращения пациентов', 'Patient requests'), subAreas: [entity('appeal'), entity('homeVisit'), entity('vaccination')] },
    {
      id: 'grp_reference',
      title: L('Справочники', 'Reference tables'),
      subAreas: [entity('announcement'), entity('infoArticle'), entity('ivrTopic'), entity('callType'), entity('narrowSpecialty')],
    },
  ];
  const client = 'All,Outlook,OutlookLaptopClient,OutlookWorkstationClient,Web';
  return el(
    'AppModuleSiteMap',
    { 'xmlns:xsi': XSI },
    text('SiteMapUniqueName', APP_UNIQUE_NAME),
    text('EnableCollapsibleGroups', 'False'),
    text('ShowHome', 'False'),
    text('ShowPinned', 'True'),
    text('ShowRecents', 'True'),
    el(
      'SiteMap',
      { IntroducedVersion: '7.0.0.0' },
      el(
        'Area',
        { Id: 'area_operator', ShowGroups: 'true', IntroducedVersion: '7.0.0.0' },
        titles(L('Линия 122', 'Line 122')),
        groups.map((g) =>
          el(
            'Group',
            { Id: g.id, IntroducedVersion: '7.0.0.0', IsProfile: 'false' },
            titles(g.title),
            g.subAreas.map((s) =>
              el(
                'SubArea',
                { Id: s.id, Entity: s.entity, Url: s.url, Client: client, AvailableOffline: 'true', PassParams: 'false', Sku: 'All,OnPremise,Live,SPLA' },
                titles(s.title),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Operator role: own records of the call workflow, read of everything the desk shows, env variable values. */
export function roleXml(tables: ResolvedTable[]): XmlElement {
  const privileges: [string, string][] = [];
  for (const t of tables) {
    const s = t.schemaName;
    if (t.transactional) {
      privileges.push(
        [`prvCreate${s}`, 'Basic'],
        [`prvRead${s}`, 'Global'],
        [`prvWrite${s}`, 'Basic'],
        [`prvAppend${s}`, 'Basic'],
        [`prvAppendTo${s}`, 'Global'],
        [`prvAssign${s}`, 'Basic'],
        [`prvShare${s}`, 'Basic'],
      );
    } else {
      privileges.push([`prvRead${s}`, 'Global'], [`prvAppendTo${s}`, 'Global']);
    }
  }
  privileges.push(['prvReadEnvironmentVariableDefinition', 'Global'], ['prvReadEnvironmentVariableValue', 'Global']);
  return roleElement(roleId(), ROLE_NAME, privileges);
}

/**
 * Integration role, for the function app's application user only: read and write every home visit and appeal row
 * (the rows belong to the operators who made them), nothing else — no create, delete, assign or share.
 */
export function integrationRoleXml(tables: ResolvedTable[]): XmlElement {
  const privileges: [string, string][] = tables
    .filter((t) => INTEGRATION_TABLES.has(t.logicalName))
    .flatMap((t): [string, string][] => [
      [`prvRead${t.schemaName}`, 'Global'],
      [`prvWrite${t.schemaName}`, 'Global'],
    ]);
  return roleElement(integrationRoleId(), INTEGRATION_ROLE_NAME, privileges);
}

function roleElement(id: string, name: string, privileges: [string, string][]): XmlElement {
  const sorted = [...privileges].sort((a, b) => a[0].localeCompare(b[0]));
  return el(
    'Role',
    { id: braced(id), name, isinherited: '1', 'xmlns:xsi': XSI },
    text('IsCustomizable', true),
    el('RolePrivileges', {}, sorted.map(([privilege, level]) => el('RolePrivilege', { name: privilege, level }))),
  );
}

// ---------------------------------------------------------------- manifests

export const IMPORT_EXPORT_VERSION = '9.2.24053.198';

/** Customizations.xml as unpacked: every section empty (their content lives in the folders), and the languages. */
export function customizationsXml(): XmlElement {
  const sections = [
    'Entities',
    'Roles',
    'Workflows',
    'FieldSecurityProfiles',
    'Templates',
    'EntityMaps',
    'EntityRelationships',
    'OrganizationSettings',
    'optionsets',
    'CustomControls',
    'EntityDataProviders',
    'AppModuleSiteMaps',
    'AppModules',
  ];
  return el(
    'ImportExportXml',
    { 'xmlns:xsi': XSI },
    sections.map((s) => el(s)),
    el('Languages', {}, LANGUAGES.map(({ lcid }) => text('Language', lcid))),
  );
}

export interface RootComponent {
  type: number;
  schemaName?: string;
  id?: string;
}

export function rootComponents(tables: ResolvedTable[], choices: ChoiceDef[], controls: ControlInfo[]): RootComponent[] {
  return [
    ...tables.map((t) => ({ type: COMPONENT_TYPE.table, schemaName: t.logicalName })),
    ...choices.map((c) => ({ type: COMPONENT_TYPE.choice, schemaName: c.name })),
    { type: COMPONENT_TYPE.role, id: braced(roleId()) },
    { type: COMPONENT_TYPE.role, id: braced(integrationRoleId()) },
    { type: COMPONENT_TYPE.siteMap, schemaName: APP_UNIQUE_NAME },
    ...controls.map((c) => ({ type: COMPONENT_TYPE.customControl, schemaName: c.solutionName })),
    { type: COMPONENT_TYPE.modelDrivenApp, schemaName: APP_UNIQUE_NAME },
    ...Object.values(ENV_VARS).map((v) => ({ type: COMPONENT_TYPE.environmentVariableDefinition, schemaName: v.schemaName })),
  ];
}

export function solutionXml(product: Product, components: RootComponent[], managed: 0 | 1 | 2 = 0): XmlElement {
  const nil = (name: string) => el(name, { 'xsi:nil': 'true' });
  const address = (n: number) =>
    el(
      'Address',
      {},
      text('AddressNumber', n),
      text('AddressTypeCode', 1),
      ['City', 'County', 'Country', 'Fax', 'FreightTermsCode', 'ImportSequenceNumber', 'Latitude', 'Line1', 'Line2', 'Line3', 'Longitude', 'Name', 'PostalCode', 'PostOfficeBox', 'PrimaryContactName'].map(nil),
      text('ShippingMethodCode', 1),
      ['StateOrProvince', 'Telephone1', 'Telephone2', 'Telephone3', 'TimeZoneRuleVersionNumber', 'UPSZone', 'UTCOffset', 'UTCConversionTimeZoneCode'].map(nil),
    );
  return el(
    'ImportExportXml',
    { version: IMPORT_EXPORT_VERSION, SolutionPackageVersion: '9.2', languagecode: LANGUAGES[0].lcid, generatedBy: 'CrmLive', 'xmlns:xsi': XSI },
    el(
      'SolutionManifest',
      {},
      text('UniqueName', product.solutionUniqueName),
      labelList('LocalizedNames', 'LocalizedName', product.solutionName),
      labelList('Descriptions', 'Description', product.solutionDescription),
      text('Version', product.version),
      text('Managed', managed),
      el(
        'Publisher',
        {},
        text('UniqueName', product.publisher.uniqueName),
        labelList('LocalizedNames', 'LocalizedName', product.publisher.name),
        labelList('Descriptions', 'Description', product.publisher.name),
        nil('EMailAddress'),
        nil('SupportingWebsiteUrl'),
        text('CustomizationPrefix', product.publisher.prefix),
        text('CustomizationOptionValuePrefix', product.publisher.optionValuePrefix),
        el('Addresses', {}, address(1), address(2)),
      ),
      el(
        'RootComponents',
        {},
        components.map((c) => el('RootComponent', { type: c.type, id: c.id, schemaName: c.schemaName, behavior: 0 })),
      ),
      el('MissingDependencies'),
    ),
  );
}

/** Controls/<name>/ControlManifest.xml.data.xml */
export function controlDataXml(control: ControlInfo): XmlElement {
  return el(
    'CustomControl',
    { 'xmlns:xsi': XSI },
    text('Name', control.solutionName),
    text('FileName', `/Controls/${control.solutionName}/ControlManifest.xml`),
  );
}
