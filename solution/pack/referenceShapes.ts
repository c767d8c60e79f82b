/**
 * What real exported solutions look like, written down as our own expectations per file kind: the root element, its
 * required attributes, and the children (and their attributes) an element of each name must have. They were read off
 * microsoft/powercat-business-approvals-kit (BusinessApprovalKit/SolutionPackage/src: Solution.xml, Customizations.xml,
 * Entity.xml, main FormXml, SavedQueries, OptionSets, Relationships, environment variable definitions, Controls,
 * AppModules, AppModuleSiteMaps) and microsoft/coe-starter-kit (Roles). `checkShape` applies them to a parsed file;
 * the tests run it on every generated file, and on the reference files themselves when a local copy is at hand.
 */
import { children, type XmlElement } from './xml';

export interface ElementRule {
  /** Attributes the element must carry. */
  attrs?: string[];
  /** Child elements it must contain (at least one of each). */
  children?: string[];
  /** Any one of these attribute sets must be complete (e.g. a RootComponent names a schemaName or an id). */
  attrsOneOf?: string[][];
}

export interface FileShape {
  kind: string;
  /** Which source files the shape applies to (posix path relative to src/). */
  matches: (path: string) => boolean;
  root: string;
  /** By element name, or `parent>name` where the same name means different things in different places. */
  rules: Record<string, ElementRule>;
}

const LABELLED = { attrs: ['description', 'languagecode'] };

const ATTRIBUTE_COMMON = [
  'Type',
  'Name',
  'LogicalName',
  'RequiredLevel',
  'ImeMode',
  'ValidForUpdateApi',
  'ValidForReadApi',
  'ValidForCreateApi',
  'IsCustomField',
  'IsAuditEnabled',
  'IsSecured',
  'IntroducedVersion',
  'IsCustomizable',
  'IsRenameable',
  'CanModifySearchSettings',
  'CanModifyRequirementLevelSettings',
  'CanModifyAdditionalSettings',
  'SourceType',
  'IsSearchable',
  'IsFilterable',
  'IsRetrievable',
  'IsLocalizable',
  'displaynames',
  'Descriptions',
];

/** Children an attribute of a given `<Type>` needs on top of the common ones. */
export const ATTRIBUTE_TYPE_CHILDREN: Record<string, string[]> = {
  primarykey: [],
  nvarchar: ['Format', 'MaxLength', 'Length'],
  ntext: ['Format', 'MaxLength'],
  int: ['Format', 'MinValue', 'MaxValue'],
  decimal: ['MinValue', 'MaxValue', 'Accuracy'],
  datetime: ['Format', 'CanChangeDateTimeBehavior', 'Behavior'],
  bit: ['AppDefaultValue', 'optionset'],
  picklist: ['OptionSetName'],
  lookup: ['LookupStyle', 'LookupTypes'],
  owner: ['LookupStyle', 'LookupTypes'],
  state: ['optionset'],
  status: ['optionset'],
  multiselectpicklist: [],
};

export const SHAPES: FileShape[] = [
  {
    kind: 'Solution.xml',
    matches: (p) => p === 'Other/Solution.xml',
    root: 'ImportExportXml',
    rules: {
      ImportExportXml: { attrs: ['version', 'SolutionPackageVersion', 'languagecode', 'generatedBy'], children: ['SolutionManifest'] },
      SolutionManifest: { children: ['UniqueName', 'LocalizedNames', 'Descriptions', 'Version', 'Managed', 'Publisher', 'RootComponents', 'MissingDependencies'] },
      Publisher: {
        children: ['UniqueName', 'LocalizedNames', 'Descriptions', 'EMailAddress', 'SupportingWebsiteUrl', 'CustomizationPrefix', 'CustomizationOptionValuePrefix', 'Addresses'],
      },
      Address: { children: ['AddressNumber', 'AddressTypeCode', 'ShippingMethodCode'] },
      RootComponent: { attrs: ['type', 'behavior'], attrsOneOf: [['schemaName'], ['id']] },
      LocalizedName: LABELLED,
      Description: LABELLED,
    },
  },
  {
    kind: 'Customizations.xml',
    matches: (p) => p === 'Other/Customizations.xml',
    root: 'ImportExportXml',
    rules: {
      ImportExportXml: {
        children: ['Entities', 'Roles', 'Workflows', 'FieldSecurityProfiles', 'Templates', 'EntityMaps', 'EntityRelationships', 'OrganizationSettings', 'optionsets', 'CustomControls', 'AppModuleSiteMaps', 'AppModules', 'EntityDataProviders', 'Languages'],
      },
      Languages: { children: ['Language'] },
    },
  },
  {
    kind: 'Entity.xml',
    matches: (p) => /^Entities\/[^/]+\/Entity\.xml$/.test(p),
    root: 'Entity',
    rules: {
      Entity: { children: ['Name', 'EntityInfo', 'FormXml', 'SavedQueries', 'RibbonDiffXml'] },
      'Entity>Name': { attrs: ['LocalizedName', 'OriginalName'] },
      EntityInfo: { children: ['entity'] },
      entity: {
        attrs: ['Name'],
        children: ['LocalizedNames', 'LocalizedCollectionNames', 'Descriptions', 'attributes', 'EntitySetName', 'OwnershipTypeMask', 'IsAuditEnabled', 'IsActivity', 'IntroducedVersion', 'IsCustomizable', 'ChangeTrackingEnabled'],
      },
      attribute: { attrs: ['PhysicalName'], children: ATTRIBUTE_COMMON },
      optionset: { attrs: ['Name'], children: ['OptionSetType', 'IntroducedVersion', 'IsCustomizable', 'displaynames', 'Descriptions'] },
      option: { attrs: ['value'], children: ['labels'] },
      state: { attrs: ['value', 'defaultstatus', 'invariantname'], children: ['labels'] },
      status: { attrs: ['value', 'state'], children: ['labels'] },
      LocalizedName: LABELLED,
      LocalizedCollectionName: LABELLED,
      displayname: LABELLED,
      Description: LABELLED,
      label: LABELLED,
    },
  },
  {
    kind: 'main form',
    matches: (p) => /^Entities\/[^/]+\/FormXml\/main\/\{[0-9a-f-]{36}\}\.xml$/.test(p),
    root: 'forms',
    rules: {
      forms: { children: ['systemform'] },
      systemform: { children: ['formid', 'IntroducedVersion', 'FormPresentation', 'FormActivationState', 'form', 'IsCustomizable', 'CanBeDeleted', 'LocalizedNames', 'Descriptions'] },
      form: { children: ['tabs'] },
      tab: { attrs: ['verticallayout', 'id', 'IsUserDefined'], children: ['labels', 'columns'] },
      column: { attrs: ['width'], children: ['sections'] },
      section: { attrs: ['showlabel', 'showbar', 'IsUserDefined', 'id'], children: ['labels', 'rows'] },
      cell: { attrs: ['id'], children: ['labels'] },
      control: { attrs: ['id', 'classid'] },
      controlDescription: { attrs: ['forControl'], children: ['customControl'] },
      customControl: { attrsOneOf: [['id'], ['formFactor', 'name']], children: ['parameters'] },
      DisplayConditions: { attrs: ['Order', 'FallbackForm'] },
      label: LABELLED,
      LocalizedName: LABELLED,
      Description: LABELLED,
    },
  },
  {
    kind: 'view',
    matches: (p) => /^Entities\/[^/]+\/SavedQueries\/\{[0-9a-f-]{36}\}\.xml$/.test(p),
    root: 'savedqueries',
    rules: {
      savedqueries: { children: ['savedquery'] },
      savedquery: {
        children: ['IsCustomizable', 'CanBeDeleted', 'isquickfindquery', 'isprivate', 'isdefault', 'savedqueryid', 'layoutxml', 'querytype', 'fetchxml', 'IntroducedVersion', 'LocalizedNames'],
      },
      grid: { attrs: ['name', 'jump', 'select', 'icon', 'preview'], children: ['row'] },
      row: { attrs: ['name', 'id'], children: ['cell'] },
      cell: { attrs: ['name', 'width'] },
      fetch: { attrs: ['version', 'mapping'], children: ['entity'] },
      entity: { attrs: ['name'], children: ['attribute'] },
      condition: { attrs: ['attribute', 'operator'] },
      LocalizedName: LABELLED,
    },
  },
  {
    kind: 'RibbonDiff.xml',
    matches: (p) => /^Entities\/[^/]+\/RibbonDiff\.xml$/.test(p),
    root: 'RibbonDiffXml',
    rules: { RibbonDiffXml: { children: ['CustomActions', 'Templates', 'CommandDefinitions', 'RuleDefinitions', 'LocLabels'] } },
  },
  {
    kind: 'global choice',
    matches: (p) => /^OptionSets\/[^/]+\.xml$/.test(p),
    root: 'optionset',
    rules: {
      optionset: { attrs: ['Name', 'localizedName'], children: ['OptionSetType', 'IsGlobal', 'IntroducedVersion', 'IsCustomizable', 'displaynames', 'options'] },
      option: { attrs: ['value'], children: ['labels'] },
      displayname: LABELLED,
      label: LABELLED,
    },
  },
  {
    kind: 'relationships index',
    matches: (p) => p === 'Other/Relationships.xml',
    root: 'EntityRelationships',
    rules: { EntityRelationship: { attrs: ['Name'] } },
  },
  {
    kind: 'relationships',
    matches: (p) => /^Other\/Relationships\/[^/]+\.xml$/.test(p),
    root: 'EntityRelationships',
    rules: {
      EntityRelationships: { children: ['EntityRelationship'] },
      EntityRelationship: {
        attrs: ['Name'],
        children: [
          'EntityRelationshipType',
          'IsCustomizable',
          'IntroducedVersion',
          'IsHierarchical',
          'ReferencingEntityName',
          'ReferencedEntityName',
          'CascadeAssign',
          'CascadeDelete',
          'CascadeReparent',
          'CascadeShare',
          'CascadeUnshare',
          'ReferencingAttributeName',
          'RelationshipDescription',
        ],
      },
      EntityRelationshipRole: { children: ['NavigationPropertyName', 'RelationshipRoleType'] },
      Description: LABELLED,
    },
  },
  {
    kind: 'environment variable definition',
    matches: (p) => /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/.test(p),
    root: 'environmentvariabledefinition',
    rules: {
      environmentvariabledefinition: { attrs: ['schemaname'], children: ['description', 'displayname', 'introducedversion', 'iscustomizable', 'isrequired', 'secretstore', 'type'] },
      description: { attrs: ['default'], children: ['label'] },
      displayname: { attrs: ['default'], children: ['label'] },
      label: LABELLED,
    },
  },
  {
    kind: 'control data',
    matches: (p) => /^Controls\/[^/]+\/ControlManifest\.xml\.data\.xml$/.test(p),
    root: 'CustomControl',
    rules: { CustomControl: { children: ['Name', 'FileName'] } },
  },
  {
    kind: 'built control manifest',
    matches: (p) => /^Controls\/[^/]+\/ControlManifest\.xml$/.test(p),
    root: 'manifest',
    rules: {
      manifest: { children: ['control'] },
      control: { attrs: ['namespace', 'constructor', 'version', 'display-name-key'], children: ['resources'] },
      resources: { children: ['code'] },
      code: { attrs: ['path', 'order'] },
      property: { attrs: ['name', 'display-name-key', 'usage'], attrsOneOf: [['of-type'], ['of-type-group']] },
    },
  },
  {
    kind: 'model-driven app',
    matches: (p) => /^AppModules\/[^/]+\/AppModule\.xml$/.test(p),
    root: 'AppModule',
    rules: {
      AppModule: {
        children: ['UniqueName', 'IntroducedVersion', 'WebResourceId', 'statecode', 'statuscode', 'FormFactor', 'ClientType', 'NavigationType', 'AppModuleComponents', 'AppModuleRoleMaps', 'LocalizedNames', 'Descriptions'],
      },
      AppModuleComponent: { attrs: ['type'], attrsOneOf: [['schemaName'], ['id']] },
      Role: { attrs: ['id'] },
      LocalizedName: LABELLED,
      Description: LABELLED,
    },
  },
  {
    kind: 'site map',
    matches: (p) => /^AppModuleSiteMaps\/[^/]+\/AppModuleSiteMap\.xml$/.test(p),
    root: 'AppModuleSiteMap',
    rules: {
      AppModuleSiteMap: { children: ['SiteMapUniqueName', 'EnableCollapsibleGroups', 'ShowHome', 'ShowPinned', 'ShowRecents', 'SiteMap'] },
      SiteMap: { children: ['Area'] },
      Area: { attrs: ['Id', 'ShowGroups'], children: ['Titles', 'Group'] },
      Group: { attrs: ['Id'], children: ['Titles', 'SubArea'] },
      SubArea: { attrs: ['Id', 'Client', 'AvailableOffline', 'PassParams', 'Sku'], attrsOneOf: [['Entity'], ['Url'], ['Page']] },
      Title: { attrs: ['LCID', 'Title'] },
    },
  },
  {
    kind: 'security role',
    matches: (p) => /^Roles\/[^/]+\.xml$/.test(p),
    root: 'Role',
    rules: {
      Role: { attrs: ['id', 'name', 'isinherited'], children: ['RolePrivileges'] },
      RolePrivileges: { children: ['RolePrivilege'] },
      RolePrivilege: { attrs: ['name', 'level'] },
    },
  },
];

export function shapeFor(path: string): FileShape | undefined {
  return SHAPES.find((s) => s.matches(path));
}

/** What about a file breaks its shape (empty when it fits). */
export function checkShape(shape: FileShape, root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== shape.root) return [`root is <${root.name}>, expected <${shape.root}>`];
  const visit = (e: XmlElement, parent: string): void => {
    check(e, shape.rules[`${parent}>${e.name}`] ?? shape.rules[e.name]);
    for (const c of children(e)) visit(c, e.name);
  };
  const check = (e: XmlElement, rule: ElementRule | undefined): void => {
    if (!rule) return;
    for (const a of rule.attrs ?? []) {
      if (!Object.prototype.hasOwnProperty.call(e.attrs, a)) problems.push(`<${e.name}> lacks attribute ${a}`);
    }
    if (rule.attrsOneOf && !rule.attrsOneOf.some((set) => set.every((a) => Object.prototype.hasOwnProperty.call(e.attrs, a)))) {
      problems.push(`<${e.name}> has none of ${rule.attrsOneOf.map((s) => s.join('+')).join(' | ')}`);
    }
    const names = new Set(children(e).map((c) => c.name));
    for (const c of rule.children ?? []) if (!names.has(c)) problems.push(`<${e.name}> lacks <${c}>`);
    if (shape.root === 'Entity' && e.name === 'attribute') {
      const type = children(e, 'Type')[0]?.children.join('') ?? '';
      const extra = ATTRIBUTE_TYPE_CHILDREN[type];
      if (!extra) problems.push(`attribute ${e.attrs.PhysicalName}: unknown type ${type}`);
      for (const c of extra ?? []) if (!names.has(c)) problems.push(`attribute ${e.attrs.PhysicalName} (${type}) lacks <${c}>`);
    }
  };
  visit(root, '');
  return problems;
}
