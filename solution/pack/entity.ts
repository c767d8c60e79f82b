/**
 * Entity.xml of one table, in the shape of an exported user-owned custom table: the primary key, our columns, and the
 * system columns the platform owns (created/modified, owner, state and status), sorted like an export.
 */
import type { Label } from './config';
import { INTRODUCED_VERSION, labelEls, labelList, XSI } from './common';
import { entityXmlType } from './columnTypes';
import { CHOICE_DEFS, type ResolvedColumn, type ResolvedTable } from './model';
import { el, text, type XmlElement } from './xml';

const L = (ru: string, en: string): Label => ({ ru, en });

interface AttributeSpec {
  physicalName: string;
  logicalName: string;
  type: string;
  required: 'none' | 'required' | 'systemrequired';
  displayMask?: string;
  imeMode?: string;
  api: [update: boolean, read: boolean, create: boolean];
  custom: boolean;
  audit: boolean;
  secured?: boolean;
  logical?: boolean;
  searchable?: boolean;
  filterable?: boolean;
  retrievable?: boolean;
  autoNumber?: string;
  typeSpecific: XmlElement[];
  label: Label;
  description: Label;
}

function attribute(a: AttributeSpec): XmlElement {
  const [update, read, create] = a.api;
  return el(
    'attribute',
    { PhysicalName: a.physicalName },
    text('Type', a.type),
    text('Name', a.logicalName),
    text('LogicalName', a.logicalName),
    text('RequiredLevel', a.required),
    a.displayMask !== undefined && text('DisplayMask', a.displayMask),
    text('ImeMode', a.imeMode ?? 'auto'),
    text('ValidForUpdateApi', update),
    text('ValidForReadApi', read),
    text('ValidForCreateApi', create),
    text('IsCustomField', a.custom),
    text('IsAuditEnabled', a.audit),
    a.logical === true && text('IsLogical', true),
    text('IsSecured', a.secured ?? false),
    text('IntroducedVersion', INTRODUCED_VERSION),
    text('IsCustomizable', true),
    text('IsRenameable', true),
    text('CanModifySearchSettings', true),
    text('CanModifyRequirementLevelSettings', a.required !== 'systemrequired'),
    text('CanModifyAdditionalSettings', true),
    text('SourceType', 0),
    text('IsGlobalFilterEnabled', false),
    text('IsSortableEnabled', false),
    text('CanModifyGlobalFilterSettings', true),
    text('CanModifyIsSortableSettings', true),
    text('IsDataSourceSecret', false),
    text('AutoNumberFormat', a.autoNumber ?? ''),
    text('IsSearchable', a.searchable ?? false),
    text('IsFilterable', a.filterable ?? false),
    text('IsRetrievable', a.retrievable ?? false),
    text('IsLocalizable', false),
    a.typeSpecific,
    labelList('displaynames', 'displayname', a.label),
    labelList('Descriptions', 'Description', a.description),
  );
}

const FORM_GRID = 'ValidForAdvancedFind|ValidForForm|ValidForGrid';

function localOptionSet(name: string, type: 'bit' | 'state' | 'status', label: Label, description: Label, body: XmlElement): XmlElement {
  return el(
    'optionset',
    { Name: name },
    text('OptionSetType', type),
    text('IntroducedVersion', INTRODUCED_VERSION),
    text('IsCustomizable', true),
    labelList('displaynames', 'displayname', label),
    labelList('Descriptions', 'Description', description),
    body,
  );
}

function optionLabels(label: Label): XmlElement {
  return el('labels', {}, labelEls('label', label));
}

function columnTypeSpecific(table: ResolvedTable, c: ResolvedColumn): XmlElement[] {
  const t = c.type;
  switch (t.kind) {
    case 'text':
      return [text('Format', t.format ?? 'text'), text('MaxLength', t.maxLength), text('Length', t.maxLength * 2)];
    case 'multiline':
      return [text('Format', 'text'), text('MaxLength', t.maxLength)];
    case 'whole':
      return [text('Format', 'none'), text('MinValue', t.min), text('MaxValue', t.max)];
    case 'decimal':
      return [text('MinValue', t.min.toFixed(t.precision)), text('MaxValue', t.max.toFixed(t.precision)), text('Accuracy', t.precision)];
    case 'datetime':
      // Behavior 1 = user local (date and time), 2 = date only.
      return [text('Format', t.dateOnly ? 'date' : 'datetime'), text('CanChangeDateTimeBehavior', true), text('Behavior', t.dateOnly ? 2 : 1)];
    case 'boolean':
      return [
        text('AppDefaultValue', t.defaultValue ? 1 : 0),
        localOptionSet(
          `${table.logicalName}_${c.logicalName.replace(/^eer_/, '')}`,
          'bit',
          c.label,
          c.description,
          el(
            'options',
            {},
            el('option', { value: 1, ExternalValue: '' }, optionLabels(t.trueLabel)),
            el('option', { value: 0, ExternalValue: '' }, optionLabels(t.falseLabel)),
          ),
        ),
      ];
    case 'choice':
      return [text('OptionSetName', CHOICE_DEFS[t.choice].name)];
    case 'lookup':
      return [text('LookupStyle', 'single'), el('LookupTypes')];
  }
}

function customAttribute(table: ResolvedTable, c: ResolvedColumn): XmlElement {
  const isName = c.key === 'name';
  return attribute({
    physicalName: c.schemaName,
    logicalName: c.logicalName,
    type: entityXmlType(c.type),
    required: c.required ? 'required' : 'none',
    displayMask: isName ? `PrimaryName|${FORM_GRID}|RequiredForForm` : FORM_GRID,
    imeMode: c.type.kind === 'whole' || c.type.kind === 'decimal' ? 'disabled' : 'auto',
    api: [true, true, true],
    custom: true,
    audit: true,
    secured: c.personal === true,
    searchable: isName,
    filterable: c.type.kind !== 'multiline',
    retrievable: true,
    autoNumber: c.autoNumber,
    typeSpecific: columnTypeSpecific(table, c),
    label: c.label,
    description: c.description,
  });
}

function lookupSpecific(): XmlElement[] {
  return [text('LookupStyle', 'single'), el('LookupTypes')];
}

/** The columns every user-owned table has, as an export lists them. */
function systemAttributes(table: ResolvedTable): XmlElement[] {
  const record = table.label;
  const sys = (s: Omit<AttributeSpec, 'custom' | 'audit'> & { audit?: boolean }) => attribute({ ...s, custom: false, audit: s.audit ?? false });
  const lookup = (physicalName: string, label: Label, description: Label, extra: Partial<AttributeSpec> = {}) =>
    sys({
      physicalName,
      logicalName: physicalName.toLowerCase(),
      type: 'lookup',
      required: 'none',
      displayMask: FORM_GRID,
      api: [false, true, false],
      typeSpecific: lookupSpecific(),
      label,
      description,
      ...extra,
    });
  const datetime = (physicalName: string, label: Label, description: Label, extra: Partial<AttributeSpec> = {}) =>
    sys({
      physicalName,
      logicalName: physicalName.toLowerCase(),
      type: 'datetime',
      required: 'none',
      displayMask: FORM_GRID,
      imeMode: 'inactive',
      api: [false, true, false],
      filterable: true,
      retrievable: true,
      typeSpecific: [text('Format', 'datetime'), text('CanChangeDateTimeBehavior', false), text('Behavior', 1)],
      label,
      description,
      ...extra,
    });
  const int = (physicalName: string, label: Label, description: Label, min: number, extra: Partial<AttributeSpec> = {}) =>
    sys({
      physicalName,
      logicalName: physicalName.toLowerCase(),
      type: 'int',
      required: 'none',
      api: [true, true, true],
      typeSpecific: [text('Format', ''), text('MinValue', min), text('MaxValue', 2147483647)],
      label,
      description,
      ...extra,
    });
  const stateLabel = L('Состояние', 'Status');
  const statusLabel = L('Причина состояния', 'Status Reason');
  const active = L('Активно', 'Active');
  const inactive = L('Неактивно', 'Inactive');
  return [
    sys({
      physicalName: `${table.schemaName}Id`,
      logicalName: table.primaryIdAttribute,
      type: 'primarykey',
      required: 'systemrequired',
      displayMask: 'ValidForAdvancedFind|RequiredForGrid',
      api: [false, true, true],
      filterable: true,
      retrievable: true,
      typeSpecific: [],
      label: record,
      description: L('Уникальный идентификатор записи', 'Unique identifier for entity instances'),
    }),
    lookup('CreatedBy', L('Кем создано', 'Created By'), L('Пользователь, создавший запись', 'User who created the record')),
    datetime('CreatedOn', L('Дата создания', 'Created On'), L('Когда запись создана', 'Date and time when the record was created')),
    lookup('CreatedOnBehalfBy', L('Кем создано (делегат)', 'Created By (Delegate)'), L('Делегат, создавший запись', 'Delegate user who created the record')),
    int('ImportSequenceNumber', L('Номер последовательности импорта', 'Import Sequence Number'), L('Номер импорта, создавшего запись', 'Sequence number of the import that created this record'), -2147483648, {
      displayMask: 'ValidForAdvancedFind',
      imeMode: 'disabled',
      api: [false, true, true],
      audit: true,
    }),
    lookup('ModifiedBy', L('Кем изменено', 'Modified By'), L('Пользователь, изменивший запись', 'User who modified the record')),
    datetime('ModifiedOn', L('Дата изменения', 'Modified On'), L('Когда запись изменена', 'Date and time when the record was modified')),
    lookup('ModifiedOnBehalfBy', L('Кем изменено (делегат)', 'Modified By (Delegate)'), L('Делегат, изменивший запись', 'Delegate user who modified the record')),
    datetime('OverriddenCreatedOn', L('Запись создана', 'Record Created On'), L('Когда запись перенесена', 'Date and time that the record was migrated'), {
      displayMask: 'ValidForAdvancedFind|ValidForGrid',
      api: [false, true, true],
      audit: true,
      filterable: false,
      retrievable: false,
      typeSpecific: [text('Format', 'date'), text('CanChangeDateTimeBehavior', false), text('Behavior', 1)],
    }),
    sys({
      physicalName: 'OwnerId',
      logicalName: 'ownerid',
      type: 'owner',
      required: 'systemrequired',
      displayMask: `${FORM_GRID}|RequiredForForm`,
      api: [true, true, true],
      audit: true,
      filterable: true,
      typeSpecific: [
        text('LookupStyle', 'single'),
        el('LookupTypes', {}, text('LookupType', 8, { id: '00000000-0000-0000-0000-000000000000' }), text('LookupType', 9, { id: '00000000-0000-0000-0000-000000000000' })),
      ],
      label: L('Ответственный', 'Owner'),
      description: L('Ответственный за запись', 'Owner Id'),
    }),
    lookup('OwningBusinessUnit', L('Подразделение-владелец', 'Owning Business Unit'), L('Подразделение, которому принадлежит запись', 'Business unit that owns the record'), {
      audit: true,
      filterable: true,
    }),
    lookup('OwningTeam', L('Рабочая группа-владелец', 'Owning Team'), L('Рабочая группа, которой принадлежит запись', 'Team that owns the record'), {
      displayMask: undefined,
      logical: true,
    }),
    lookup('OwningUser', L('Пользователь-владелец', 'Owning User'), L('Пользователь, которому принадлежит запись', 'User that owns the record'), {
      displayMask: undefined,
      logical: true,
    }),
    sys({
      physicalName: 'statecode',
      logicalName: 'statecode',
      type: 'state',
      required: 'systemrequired',
      displayMask: FORM_GRID,
      api: [true, true, false],
      audit: true,
      filterable: true,
      typeSpecific: [
        localOptionSet(
          `${table.logicalName}_statecode`,
          'state',
          stateLabel,
          L('Состояние записи', 'Status of the record'),
          el(
            'states',
            {},
            el('state', { value: 0, defaultstatus: 1, invariantname: 'Active' }, optionLabels(active)),
            el('state', { value: 1, defaultstatus: 2, invariantname: 'Inactive' }, optionLabels(inactive)),
          ),
        ),
      ],
      label: stateLabel,
      description: L('Состояние записи', 'Status of the record'),
    }),
    sys({
      physicalName: 'statuscode',
      logicalName: 'statuscode',
      type: 'status',
      required: 'none',
      displayMask: FORM_GRID,
      api: [true, true, true],
      audit: true,
      typeSpecific: [
        localOptionSet(
          `${table.logicalName}_statuscode`,
          'status',
          statusLabel,
          L('Причина состояния записи', 'Reason for the status of the record'),
          el(
            'statuses',
            {},
            el('status', { value: 1, state: 0 }, optionLabels(active)),
            el('status', { value: 2, state: 1 }, optionLabels(inactive)),
          ),
        ),
      ],
      label: statusLabel,
      description: L('Причина состояния записи', 'Reason for the status of the record'),
    }),
    int('TimeZoneRuleVersionNumber', L('Номер версии правила часового пояса', 'Time Zone Rule Version Number'), L('Для внутреннего использования', 'For internal use only'), -1),
    int('UTCConversionTimeZoneCode', L('Код часового пояса для преобразования в UTC', 'UTC Conversion Time Zone Code'), L('Часовой пояс при создании записи', 'Time zone code that was in use when the record was created'), -1),
  ];
}

const ENTITY_SETTINGS: [string, string | number | boolean][] = [
  ['IsDuplicateCheckSupported', true],
  ['IsBusinessProcessEnabled', false],
  ['IsRequiredOffline', false],
  ['IsInteractionCentricEnabled', false],
  ['IsCollaboration', false],
  ['AutoRouteToOwnerQueue', false],
  ['IsConnectionsEnabled', false],
  ['IsDocumentManagementEnabled', false],
  ['AutoCreateAccessTeams', false],
  ['IsOneNoteIntegrationEnabled', false],
  ['IsKnowledgeManagementEnabled', false],
  ['IsSLAEnabled', false],
  ['IsDocumentRecommendationsEnabled', false],
  ['IsBPFEntity', false],
  ['OwnershipTypeMask', 'UserOwned'],
  ['IsAuditEnabled', true],
  ['IsRetrieveAuditEnabled', false],
  ['IsRetrieveMultipleAuditEnabled', false],
  ['IsActivity', false],
  ['ActivityTypeMask', ''],
  ['IsActivityParty', false],
  ['IsReplicated', false],
  ['IsReplicationUserFiltered', false],
  ['IsMailMergeEnabled', false],
  ['IsVisibleInMobile', false],
  ['IsVisibleInMobileClient', true],
  ['IsReadOnlyInMobileClient', false],
  ['IsOfflineInMobileClient', false],
  ['DaysSinceRecordLastModified', 0],
  ['MobileOfflineFilters', ''],
  ['IsMapiGridEnabled', true],
  ['IsReadingPaneEnabled', true],
  ['IsQuickCreateEnabled', false],
  ['SyncToExternalSearchIndex', false],
  ['IntroducedVersion', INTRODUCED_VERSION],
  ['IsCustomizable', true],
  ['IsRenameable', true],
  ['IsMappable', true],
  ['CanModifyAuditSettings', true],
  ['CanModifyMobileVisibility', true],
  ['CanModifyMobileClientVisibility', true],
  ['CanModifyMobileClientReadOnly', true],
  ['CanModifyMobileClientOffline', true],
  ['CanModifyConnectionSettings', true],
  ['CanModifyDuplicateDetectionSettings', true],
  ['CanModifyMailMergeSettings', true],
  ['CanModifyQueueSettings', true],
  ['CanCreateAttributes', true],
  ['CanCreateForms', true],
  ['CanCreateCharts', true],
  ['CanCreateViews', true],
  ['CanModifyAdditionalSettings', true],
  ['CanEnableSyncToExternalSearchIndex', true],
  ['EnforceStateTransitions', false],
  ['CanChangeHierarchicalRelationship', true],
  ['EntityHelpUrlEnabled', false],
  ['ChangeTrackingEnabled', true],
  ['CanChangeTrackingBeEnabled', true],
  ['IsEnabledForExternalChannels', false],
  ['IsMSTeamsIntegrationEnabled', false],
  ['IsSolutionAware', false],
];

/** Entity.xml; forms and views live in their own files (FormXml/, SavedQueries/), as in an unpacked solution. */
export function entityXml(table: ResolvedTable): XmlElement {
  const attributes = [...table.columns.map((c) => customAttribute(table, c)), ...systemAttributes(table)].sort((a, b) =>
    (a.attrs.PhysicalName ?? '').toLowerCase().localeCompare((b.attrs.PhysicalName ?? '').toLowerCase()),
  );
  return el(
    'Entity',
    { 'xmlns:xsi': XSI },
    el('Name', { LocalizedName: table.label.ru, OriginalName: table.label.ru }, table.schemaName),
    el(
      'EntityInfo',
      {},
      el(
        'entity',
        { Name: table.schemaName },
        labelList('LocalizedNames', 'LocalizedName', table.label),
        labelList('LocalizedCollectionNames', 'LocalizedCollectionName', table.plural),
        labelList('Descriptions', 'Description', table.description),
        el('attributes', {}, attributes),
        text('EntitySetName', table.entitySetName),
        ENTITY_SETTINGS.map(([k, v]) => text(k, v)),
      ),
    ),
    el('FormXml'),
    el('SavedQueries'),
    el('RibbonDiffXml'),
  );
}

/** RibbonDiff.xml: no ribbon changes, the empty diff an export writes. */
export function ribbonDiffXml(): XmlElement {
  return el(
    'RibbonDiffXml',
    { 'xmlns:xsi': XSI },
    el('CustomActions'),
    el('Templates', {}, el('RibbonTemplates', { Id: 'Mscrm.Templates' })),
    el('CommandDefinitions'),
    el('RuleDefinitions', {}, el('TabDisplayRules'), el('DisplayRules'), el('EnableRules')),
    el('LocLabels'),
  );
}

