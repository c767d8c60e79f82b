/**
 * A main form of the model-driven app on the desk: the record's values, tabs and sections as the solution's form
 * XML lays them out, PCF controls on their cells and plain fields on the others. The form is the bound-column bus:
 * a control's `notifyOutputChanged` → `getOutputs()` → the bound columns change → every control bound to a changed
 * column (the source too) gets `updateView` with those properties in `updatedProperties`, and plain fields show the
 * new value. Changes of an existing record are saved as Dynamics' autosave would (only the changed columns).
 */
import type { ModelColumn, ModelForm, ModelFormCell, ModelTable } from '@eer/solution';
import type { DeskControlInfo } from './bootstrap.js';
import { buildContext, type ContextSource, type DeskEnv } from './context.js';
import { controlClass, reactDom, type AnyControl } from './platform.js';
import { formatValue, rowName, sameValue, storedOf } from './values.js';

const AUTOSAVE_DELAY_MS = 300;
type Values = Record<string, unknown>;

export interface FormTexts {
  save: string;
  refresh: string;
  saved: string;
  unsaved: string;
  saving: string;
  newRecord: string;
  tabs: string;
  commands: string;
  noAccess: string;
  controlMissing: string;
  controlFailed: string;
}

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

/** One PCF control on a cell of the form. */
class ControlHost {
  private instance: AnyControl | null = null;
  private resize: ResizeObserver | null = null;
  private lastWidth = 0;
  private notifyPending = false;
  private destroyed = false;
  readonly source: ContextSource;

  constructor(
    private readonly form: FormView,
    readonly folder: string,
    readonly info: DeskControlInfo,
    readonly cell: ModelFormCell,
    readonly container: HTMLDivElement,
    strings: Record<string, string>,
  ) {
    const binding = cell.control!;
    this.source = {
      env: form.env,
      table: form.table,
      control: info,
      binding,
      record: () => form.values,
      recordId: () => form.recordId,
      recordName: () => form.recordName(),
      formDisabled: () => form.disabled,
      strings,
      width: () => this.width(),
      label: cell.label[form.env.lcid === 1033 ? 'en' : 'ru'],
      trackContainerResize: (track) => this.track(track),
      requestRender: () => this.update([]),
    };
  }

  private width(): number {
    const w = Math.round(this.container.getBoundingClientRect().width);
    if (w > 0) this.lastWidth = w;
    return this.lastWidth || -1;
  }

  /** Columns (logical names) this control's bound properties read, by property. */
  boundColumns(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, p] of Object.entries(this.cell.control!.parameters)) if (!p.static) out.set(name, p.value);
    return out;
  }

  async start(): Promise<void> {
    const Control = await controlClass(this.folder, this.info.fullName);
    if (this.destroyed) return;
    this.instance = new Control();
    const context = buildContext(this.source, []);
    const standard = this.info.controlType !== 'virtual';
    this.instance.init(context, () => this.notify(), {}, standard ? this.container : undefined);
    this.render(context);
  }

  private render(context: ComponentFramework.Context<unknown>): void {
    if (!this.instance || this.destroyed) return;
    const element = this.instance.updateView(context);
    if (this.info.controlType === 'virtual') reactDom().render(element, this.container);
  }

  update(changed: string[]): void {
    if (!this.instance || this.destroyed) return;
    this.render(buildContext(this.source, changed));
  }

  private track(on: boolean): void {
    this.resize?.disconnect();
    this.resize = null;
    if (!on) return;
    this.resize = new ResizeObserver(() => {
      const w = Math.round(this.container.getBoundingClientRect().width);
      // A hidden tab measures 0: keep the last width until it is shown again.
      if (w > 0 && w !== this.lastWidth) {
        this.lastWidth = w;
        this.update(['layout']);
      }
    });
    this.resize.observe(this.container);
  }

  /** The platform reads outputs asynchronously after `notifyOutputChanged`, once per burst of calls. */
  private notify(): void {
    if (this.notifyPending) return;
    this.notifyPending = true;
    setTimeout(() => this.readOutputs(), 0);
  }

  /** Reads the outputs a control announced and the form has not taken yet (also before the form saves and leaves). */
  readOutputs(): void {
    if (!this.notifyPending) return;
    this.notifyPending = false;
    if (!this.instance || this.destroyed) return;
    const outputs = (this.instance.getOutputs?.() ?? {}) as Record<string, unknown>;
    this.form.applyOutputs(this, outputs);
  }

  destroy(): void {
    this.destroyed = true;
    this.resize?.disconnect();
    if (this.instance) {
      if (this.info.controlType === 'virtual') reactDom().unmountComponentAtNode(this.container);
      this.instance.destroy();
    }
    this.instance = null;
  }
}

/** A plain field (a cell without a custom control), editable by its column type. */
interface PlainField {
  column: ModelColumn;
  input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  show(): void;
}

export class FormView {
  values: Values = {};
  recordId: string | null;
  disabled = false;
  private readonly dirty = new Set<string>();
  private readonly hosts: ControlHost[] = [];
  private readonly fields: PlainField[] = [];
  private readonly startedTabs = new Set<number>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private status!: HTMLElement;
  private title!: HTMLElement;
  private stringsCache = new Map<string, Promise<Record<string, string>>>();
  private tabPanels: HTMLElement[] = [];
  private readonly controlStarts: Promise<void>[] = [];

  constructor(
    readonly env: DeskEnv,
    readonly form: ModelForm,
    readonly table: ModelTable,
    recordId: string | null,
    private readonly controls: Record<string, DeskControlInfo>,
    private readonly texts: FormTexts,
    private readonly options: { readOnly: boolean; onCreated: (id: string) => void },
  ) {
    this.recordId = recordId;
  }

  private get lang(): 'ru' | 'en' {
    return this.env.lcid === 1033 ? 'en' : 'ru';
  }

  recordName(): string {
    const name = this.values[this.table.primaryNameAttribute];
    return typeof name === 'string' ? name : '';
  }

  /** Loads the record (when there is one) and renders the form into `root`; controls on the first tab start. */
  async mount(root: HTMLElement): Promise<void> {
    if (this.recordId) this.values = await this.env.webApi.retrieveRecord(this.table.logicalName, this.recordId);
    const inactive = this.values.statecode === 1;
    this.disabled = this.options.readOnly || inactive;

    const heading = document.createElement('div');
    heading.className = 'form-heading';
    this.title = document.createElement('h1');
    this.title.id = 'form-title';
    heading.appendChild(this.title);
    const formName = document.createElement('p');
    formName.className = 'form-name';
    formName.textContent = `${this.table.displayName[this.lang]} · ${this.form.name[this.lang]}`;
    heading.appendChild(formName);
    root.appendChild(heading);
    this.showTitle();

    const commands = document.createElement('div');
    commands.className = 'commandbar';
    commands.setAttribute('role', 'toolbar');
    commands.setAttribute('aria-label', this.texts.commands);
    const save = button(this.texts.save, () => void this.save());
    const refresh = button(this.texts.refresh, () => void this.refresh());
    refresh.disabled = !this.recordId;
    save.disabled = this.disabled;
    this.status = document.createElement('span');
    this.status.className = 'save-status';
    this.status.setAttribute('role', 'status');
    commands.append(save, refresh, this.status);
    root.appendChild(commands);

    const tablist = document.createElement('div');
    tablist.setAttribute('role', 'tablist');
    tablist.setAttribute('aria-label', this.texts.tabs);
    tablist.className = 'tabs';
    root.appendChild(tablist);
    const tabButtons: HTMLButtonElement[] = [];
    this.form.tabs.forEach((tab, index) => {
      const tabId = nextId('tab');
      const panelId = nextId('panel');
      const tabButton = document.createElement('button');
      tabButton.type = 'button';
      tabButton.id = tabId;
      tabButton.setAttribute('role', 'tab');
      tabButton.setAttribute('aria-controls', panelId);
      tabButton.textContent = tab.label[this.lang] || tab.name;
      tabButton.dataset.tab = tab.name;
      tablist.appendChild(tabButton);
      tabButtons.push(tabButton);
      const panel = document.createElement('div');
      panel.id = panelId;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tabId);
      panel.className = 'tabpanel';
      panel.dataset.tab = tab.name;
      for (const section of tab.sections) panel.appendChild(this.renderSection(section, index));
      root.appendChild(panel);
      this.tabPanels.push(panel);
    });
    const select = (index: number, focus: boolean) => {
      tabButtons.forEach((b, i) => {
        b.setAttribute('aria-selected', String(i === index));
        b.tabIndex = i === index ? 0 : -1;
        this.tabPanels[i]!.hidden = i !== index;
      });
      if (focus) tabButtons[index]!.focus();
      this.startTab(index);
    };
    tabButtons.forEach((b, i) => {
      b.addEventListener('click', () => select(i, false));
      b.addEventListener('keydown', (event) => {
        const last = tabButtons.length - 1;
        const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
        if (to !== undefined) {
          event.preventDefault();
          select(to, true);
        }
      });
    });
    // One tab: no tab strip to choose from (as a single-tab form shows).
    tablist.hidden = this.form.tabs.length < 2;
    select(0, false);
    await Promise.all(this.controlStarts);
  }

  private showTitle(): void {
    this.title.textContent = this.recordId ? this.recordName() || this.table.displayName[this.lang] : `${this.texts.newRecord}: ${this.table.displayName[this.lang]}`;
  }

  private renderSection(section: ModelForm['tabs'][number]['sections'][number], tabIndex: number): HTMLElement {
    const element = document.createElement('section');
    element.className = 'section';
    const label = section.label[this.lang];
    if (label) {
      const h = document.createElement('h2');
      h.id = nextId('section');
      h.textContent = label;
      element.appendChild(h);
      element.setAttribute('aria-labelledby', h.id);
    }
    for (const cell of section.cells) {
      const folder = cell.control ? cell.control.control.replace(/^.*\./, '') : null;
      if (cell.control && folder) {
        const wrapper = document.createElement('div');
        wrapper.className = 'cell control-cell';
        wrapper.dataset.control = folder;
        const info = this.controls[folder];
        if (!info) {
          wrapper.appendChild(message(`${this.texts.controlMissing}: ${folder}`));
          element.appendChild(wrapper);
          continue;
        }
        const container = document.createElement('div');
        container.className = 'pcf-container';
        wrapper.appendChild(container);
        element.appendChild(wrapper);
        this.pendingControls.push({ tabIndex, folder, info, cell, wrapper, container });
      } else {
        element.appendChild(this.renderField(cell));
      }
    }
    return element;
  }

  private readonly pendingControls: Array<{ tabIndex: number; folder: string; info: DeskControlInfo; cell: ModelFormCell; wrapper: HTMLElement; container: HTMLDivElement }> = [];

  /** Controls start when their tab is first shown (the unified interface renders hidden tabs lazily too). */
  private startTab(index: number): void {
    if (this.startedTabs.has(index)) return;
    this.startedTabs.add(index);
    for (const pending of this.pendingControls.filter((p) => p.tabIndex === index)) {
      const started = this.strings(pending.folder).then(async (strings) => {
        const host = new ControlHost(this, pending.folder, pending.info, pending.cell, pending.container, strings);
        this.hosts.push(host);
        try {
          await host.start();
        } catch (error) {
          console.error(`control ${pending.folder} failed`, error);
          pending.wrapper.appendChild(message(`${this.texts.controlFailed}: ${pending.folder}`));
        }
      });
      this.controlStarts.push(started);
    }
  }

  private strings(folder: string): Promise<Record<string, string>> {
    let pending = this.stringsCache.get(folder);
    if (!pending) {
      pending = fetch(`/desk/strings/${folder}/${this.env.lcid}`).then((r) => r.json() as Promise<Record<string, string>>);
      this.stringsCache.set(folder, pending);
    }
    return pending;
  }

  private renderField(cell: ModelFormCell): HTMLElement {
    const wrapper = document.createElement('div');
    wrapper.className = 'cell field';
    const column = this.table.columns.find((c) => c.logicalName === cell.field);
    const id = nextId('field');
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = cell.label[this.lang] || column?.displayName[this.lang] || cell.field;
    wrapper.appendChild(label);
    if (!column) return wrapper;
    const secured = column.secured ? this.env.fieldAccess : 'full';
    const editable = !this.disabled && secured === 'full' && ['nvarchar', 'ntext', 'int', 'decimal', 'bit', 'picklist'].includes(column.type);
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (column.type === 'ntext') {
      input = document.createElement('textarea');
      (input as HTMLTextAreaElement).rows = 3;
    } else if (column.type === 'picklist' && editable) {
      const select = document.createElement('select');
      select.appendChild(new Option('—', ''));
      for (const o of (column.choice ? this.env.choices[column.choice]?.options : column.options) ?? []) select.appendChild(new Option(o.label[this.lang], String(o.value)));
      input = select;
    } else {
      input = document.createElement('input');
      (input as HTMLInputElement).type = column.type === 'bit' ? 'checkbox' : (column.type === 'int' || column.type === 'decimal') && editable ? 'number' : 'text';
    }
    input.id = id;
    input.name = column.logicalName;
    if (!editable) {
      if (input instanceof HTMLSelectElement) input.disabled = true;
      else if (input instanceof HTMLInputElement && input.type === 'checkbox') input.disabled = true;
      else input.readOnly = true;
    }
    wrapper.appendChild(input);
    const field: PlainField = {
      column,
      input,
      show: () => {
        const value = this.values[rowName(column)];
        if (secured === 'none') {
          input.value = this.texts.noAccess;
        } else if (input instanceof HTMLInputElement && input.type === 'checkbox') {
          input.checked = value === true;
        } else if (input instanceof HTMLSelectElement) {
          input.value = value === null || value === undefined ? '' : String(value);
        } else if (editable) {
          input.value = value === null || value === undefined ? '' : String(value);
        } else {
          input.value = formatValue(column, value, this.env.lcid, this.env.choices);
        }
      },
    };
    field.show();
    if (editable) {
      input.addEventListener('change', () => {
        let value: unknown;
        if (input instanceof HTMLInputElement && input.type === 'checkbox') value = input.checked;
        else if (input.value === '') value = null;
        else if (column.type === 'int' || column.type === 'decimal' || column.type === 'picklist') value = Number(input.value);
        else value = input.value;
        this.setValues({ [column.logicalName]: value });
      });
    }
    this.fields.push(field);
    return wrapper;
  }

  /** A control's outputs for its bound properties become column values. */
  applyOutputs(host: ControlHost, outputs: Record<string, unknown>): void {
    const changes: Values = {};
    for (const [property, value] of Object.entries(outputs)) {
      const placed = host.cell.control!.parameters[property];
      if (!placed || placed.static) continue;
      const column = this.table.columns.find((c) => c.logicalName === placed.value);
      if (!column) continue;
      const stored = storedOf(column, value);
      if (stored === undefined || sameValue(this.values[rowName(column)], stored)) continue;
      changes[rowName(column)] = stored;
    }
    if (Object.keys(changes).length > 0) this.setValues(changes);
  }

  /** Changes column values (Web API names), then tells every control bound to them and the plain fields. */
  setValues(changes: Values): void {
    const changed = new Set<string>();
    for (const [name, value] of Object.entries(changes)) {
      if (sameValue(this.values[name], value)) continue;
      this.values[name] = value;
      this.dirty.add(name);
      changed.add(name);
    }
    if (changed.size === 0) return;
    for (const host of this.hosts) {
      const properties = [...host.boundColumns()].filter(([, column]) => changed.has(column)).map(([property]) => property);
      if (properties.length > 0) host.update(properties);
    }
    for (const field of this.fields) if (changed.has(rowName(field.column))) field.show();
    this.showTitle();
    this.showStatus();
    if (this.recordId && !this.disabled) {
      if (this.saveTimer) clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => void this.save(), AUTOSAVE_DELAY_MS);
    }
  }

  private showStatus(text?: string): void {
    this.status.textContent = text ?? (this.dirty.size > 0 ? this.texts.unsaved : '');
  }

  /** Saves the changed columns: an update of an existing record, or the create of a new one. */
  save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.saving = this.saving.then(async () => {
      if (this.dirty.size === 0 || this.disabled) return;
      const body: Values = {};
      for (const name of this.dirty) if (!name.startsWith('_')) body[name] = this.values[name];
      const names = [...this.dirty];
      this.dirty.clear();
      this.showStatus(this.texts.saving);
      try {
        if (this.recordId) {
          await this.env.webApi.updateRecord(this.table.logicalName, this.recordId, body);
        } else {
          const created = await this.env.webApi.createRecord(this.table.logicalName, body);
          this.recordId = created.id;
          this.options.onCreated(created.id);
        }
        this.showStatus(this.texts.saved);
      } catch (error) {
        for (const name of names) this.dirty.add(name);
        this.showStatus(error instanceof Error ? error.message : String(error));
      }
    });
    return this.saving;
  }

  /** Before leaving the form: an existing record's pending changes are saved (a new record's are dropped). */
  async flush(): Promise<void> {
    // A control that announced outputs just before navigating away (CallPanel's «Завершить обращение») is read first.
    for (const host of this.hosts) host.readOutputs();
    if (this.recordId) await this.save();
    else await this.saving;
  }

  private async refresh(): Promise<void> {
    if (!this.recordId) return;
    await this.flush();
    this.values = await this.env.webApi.retrieveRecord(this.table.logicalName, this.recordId);
    for (const host of this.hosts) host.update([...host.boundColumns().keys()]);
    for (const field of this.fields) field.show();
    this.showTitle();
  }

  unmount(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    for (const host of this.hosts) host.destroy();
    this.hosts.length = 0;
  }
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function message(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'cell-error';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  return p;
}
