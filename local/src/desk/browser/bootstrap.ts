/**
 * What the desk server tells the desk page at start (`GET /desk/bootstrap`): the solution model's forms, tables,
 * choices and views, the app's site map, the built controls' manifests, the Dynamics users. Types only, shared by
 * the server (node) and the page (browser).
 */
import type { Label, ModelChoice, ModelForm, ModelTable, ModelView } from '@eer/solution';

export interface ManifestProperty {
  name: string;
  ofType: string;
  /** `bound`, `input` or `output`. */
  usage: string;
  required: boolean;
  defaultValue?: string;
  /** Enum values. */
  values?: string[];
}

export interface SiteMapItem {
  id: string;
  title: Label;
  /** A table's default view… */
  table?: string;
  /** …or a record form (`pagetype=entityrecord&etn=…&formid=…`): a new record on that form. */
  form?: { table: string; formId: string };
}

export interface SiteMapGroup {
  id: string;
  title: Label;
  items: SiteMapItem[];
}

/** A Dynamics user of the desk: one per development operator of the identity stand-in. */
export interface DeskUser {
  /** systemuserid (Dynamics' `userSettings.userId`, there in braces and upper case). */
  id: string;
  /** The Entra object id the function app sees (`oid`). */
  operatorId: string;
  upn: string;
  name: string;
  roles: string[];
}

export interface DeskControlInfo {
  /** `Eer.CallPanel`: what the bundle registers. */
  fullName: string;
  controlType: string;
  properties: ManifestProperty[];
  /** LCIDs the control has resx for. */
  languages: number[];
}

export interface DeskBootstrap {
  forms: ModelForm[];
  tables: Record<string, ModelTable>;
  choices: Record<string, ModelChoice>;
  views: Array<Pick<ModelView, 'id' | 'table' | 'name' | 'columns' | 'isDefault' | 'queryType'>>;
  siteMap: SiteMapGroup[];
  /** The form each table's records open on when none is named. */
  defaultForms: Record<string, string>;
  /** Built controls by folder name (`CallPanel`). */
  controls: Record<string, DeskControlInfo>;
  users: DeskUser[];
  functionsUrl: string;
  inboxUrl: string;
}
