/**
 * The desk page: the model-driven app «Единая электронная регистратура» as this machine runs it. Header (user,
 * language, look, field access), the site map, and the main area showing a form (`#/form/<table>/<formId>[/<id>]`)
 * or a table's view (`#/list/<table>`). `context.navigation` of every control moves between them.
 *
 * Settings come from the query string (the header's selects change it): `user` (UPN or systemuser id; default the
 * first operator, as if already signed in to Dynamics), `lang` 1049|1033, `theme` light|dark|none, `fls`
 * full|read|none (the field security profile for secured columns), `readonly=1` (a read-only form).
 */
import type { DeskBootstrap, DeskUser } from './bootstrap.js';
import type { DeskEnv, FieldAccess, ThemeChoice } from './context.js';
import { FormView, type FormTexts } from './form.js';
import { renderList } from './list.js';
import { loadPlatformLibraries } from './platform.js';
import type { Lcid } from './values.js';
import { DeskWebApi } from './webApi.js';

const USER_COOKIE = 'eer_desk_user';

const TEXTS = {
  ru: {
    app: 'Единая электронная регистратура',
    skip: 'Перейти к содержимому',
    siteMap: 'Разделы приложения',
    user: 'Пользователь',
    language: 'Язык',
    theme: 'Оформление',
    themes: { light: 'Fluent, светлая тема', dark: 'Fluent, тёмная тема', none: 'без темы платформы' },
    access: 'Доступ к защищённым полям',
    accesses: { full: 'чтение и изменение', read: 'только чтение', none: 'нет доступа' },
    inbox: 'Отправленные SMS и письма',
    loading: 'Загрузка…',
    failed: 'Страница не загрузилась',
    empty: 'Записей нет.',
    open: 'Открыть',
    notFound: 'Раздел не найден',
    ok: 'ОК',
    cancel: 'Отмена',
    form: {
      save: 'Сохранить',
      refresh: 'Обновить',
      saved: 'Сохранено',
      unsaved: 'Есть несохранённые изменения',
      saving: 'Сохранение…',
      newRecord: 'Новая запись',
      tabs: 'Вкладки формы',
      commands: 'Команды формы',
      noAccess: '********',
      controlMissing: 'Элемент управления не собран',
      controlFailed: 'Элемент управления не запустился',
    } satisfies FormTexts,
  },
  en: {
    app: 'Unified electronic registry',
    skip: 'Skip to content',
    siteMap: 'App areas',
    user: 'User',
    language: 'Language',
    theme: 'Look',
    themes: { light: 'Fluent, light theme', dark: 'Fluent, dark theme', none: 'no platform theme' },
    access: 'Access to secured columns',
    accesses: { full: 'read and update', read: 'read only', none: 'no access' },
    inbox: 'Sent SMS and e-mail',
    loading: 'Loading…',
    failed: 'The page did not load',
    empty: 'No records.',
    open: 'Open',
    notFound: 'Page not found',
    ok: 'OK',
    cancel: 'Cancel',
    form: {
      save: 'Save',
      refresh: 'Refresh',
      saved: 'Saved',
      unsaved: 'Unsaved changes',
      saving: 'Saving…',
      newRecord: 'New record',
      tabs: 'Form tabs',
      commands: 'Form commands',
      noAccess: '********',
      controlMissing: 'The control is not built',
      controlFailed: 'The control did not start',
    } satisfies FormTexts,
  },
};

interface DeskState {
  /** `idle` until the first page is shown, then `ready`; `busy` while navigating. */
  state: 'loading' | 'busy' | 'ready' | 'failed';
  route: string;
  form: FormView | null;
  webApi: DeskWebApi | null;
  /** performance.now() when the last route finished rendering. */
  shownAt: number;
}

const desk: DeskState = { state: 'loading', route: '', form: null, webApi: null, shownAt: 0 };
(window as unknown as { eerDesk: DeskState }).eerDesk = desk;

function setting<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = params.get(name) as T | null;
  return value && allowed.includes(value) ? value : fallback;
}

function pickUser(users: DeskUser[], wanted: string | null): DeskUser {
  const w = wanted?.toLowerCase().replace(/[{}]/g, '');
  return users.find((u) => u.upn.toLowerCase() === w || u.id === w || u.operatorId === w) ?? users[0]!;
}

function labelled(labelText: string, control: HTMLElement & { id: string }): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'header-setting';
  const label = document.createElement('label');
  label.htmlFor = control.id;
  label.textContent = labelText;
  wrap.append(label, control);
  return wrap;
}

function selectOf(id: string, options: Array<[string, string]>, value: string, onChange: (value: string) => void): HTMLSelectElement {
  const select = document.createElement('select');
  select.id = id;
  for (const [v, text] of options) select.appendChild(new Option(text, v, false, v === value));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

/** Changes one query setting and reloads the page on the same route (Dynamics reloads on a language change too). */
function changeSetting(name: string, value: string): void {
  const params = new URLSearchParams(location.search);
  params.set(name, value);
  location.search = params.toString();
}

function dialog(texts: (typeof TEXTS)['ru'], title: string | undefined, text: string, buttons: Array<{ label: string; value: boolean }>): Promise<boolean> {
  return new Promise((resolve) => {
    const d = document.createElement('dialog');
    d.className = 'desk-dialog';
    const titleId = `dialog-title-${Date.now()}`;
    d.setAttribute('aria-labelledby', titleId);
    const h = document.createElement('h2');
    h.id = titleId;
    h.textContent = title || texts.app;
    const p = document.createElement('p');
    p.textContent = text;
    const row = document.createElement('div');
    row.className = 'dialog-buttons';
    for (const b of buttons) {
      const el = document.createElement('button');
      el.type = 'button';
      el.textContent = b.label;
      el.addEventListener('click', () => {
        d.close();
        d.remove();
        resolve(b.value);
      });
      row.appendChild(el);
    }
    d.addEventListener('cancel', () => {
      d.remove();
      resolve(false);
    });
    d.append(h, p, row);
    document.body.appendChild(d);
    d.showModal();
  });
}

async function boot(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const bootstrap = (await (await fetch('/desk/bootstrap')).json()) as DeskBootstrap;
  const user = pickUser(bootstrap.users, params.get('user'));
  // The Dynamics session: the desk's Web API answers this user.
  document.cookie = `${USER_COOKIE}=${user.id}; path=/; SameSite=Strict`;
  const lcid: Lcid = params.get('lang') === '1033' ? 1033 : 1049;
  const lang = lcid === 1033 ? 'en' : 'ru';
  const texts = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = texts.app;
  const theme = setting<ThemeChoice>(params, 'theme', ['light', 'dark', 'none'], 'light');
  const fieldAccess = setting<FieldAccess>(params, 'fls', ['full', 'read', 'none'], 'full');
  const readOnly = params.get('readonly') === '1';

  await loadPlatformLibraries();
  const webApi = new DeskWebApi(bootstrap.tables);
  desk.webApi = webApi;

  // ---- shell ----
  const skip = document.createElement('a');
  skip.className = 'skip-link';
  skip.href = '#main';
  skip.textContent = texts.skip;
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  const header = document.createElement('header');
  header.className = 'app-header';
  const appName = document.createElement('p');
  appName.className = 'app-name';
  appName.textContent = texts.app;
  const settings = document.createElement('div');
  settings.className = 'header-settings';
  settings.append(
    labelled(texts.user, selectOf('setting-user', bootstrap.users.map((u) => [u.upn, `${u.name} (${u.upn})`]), user.upn, (v) => changeSetting('user', v))),
    labelled(texts.language, selectOf('setting-lang', [['1049', 'Русский'], ['1033', 'English']], String(lcid), (v) => changeSetting('lang', v))),
    labelled(texts.theme, selectOf('setting-theme', (['light', 'dark', 'none'] as const).map((t) => [t, texts.themes[t]]), theme, (v) => changeSetting('theme', v))),
    labelled(texts.access, selectOf('setting-fls', (['full', 'read', 'none'] as const).map((a) => [a, texts.accesses[a]]), fieldAccess, (v) => changeSetting('fls', v))),
  );
  header.append(appName, settings);

  const nav = document.createElement('nav');
  nav.className = 'sitemap';
  nav.setAttribute('aria-label', texts.siteMap);
  const links: HTMLAnchorElement[] = [];
  for (const group of bootstrap.siteMap) {
    const h = document.createElement('h2');
    h.textContent = group.title[lang];
    const ul = document.createElement('ul');
    for (const item of group.items) {
      const a = document.createElement('a');
      a.textContent = item.title[lang];
      a.href = item.form ? `#/form/${item.form.table}/${item.form.formId}` : `#/list/${item.table ?? ''}`;
      a.dataset.item = item.id;
      links.push(a);
      const li = document.createElement('li');
      li.appendChild(a);
      ul.appendChild(li);
    }
    nav.append(h, ul);
  }
  const inbox = document.createElement('a');
  inbox.href = '/inbox';
  inbox.target = '_blank';
  inbox.rel = 'noopener';
  inbox.textContent = texts.inbox;
  inbox.className = 'inbox-link';
  nav.appendChild(inbox);

  const main = document.createElement('main');
  main.id = 'main';
  main.tabIndex = -1;
  const layout = document.createElement('div');
  layout.className = 'layout';
  layout.append(nav, main);
  document.body.append(skip, header, layout);

  const startItem = bootstrap.siteMap.flatMap((g) => g.items).find((i) => i.form);
  const startRoute = startItem?.form ? `#/form/${startItem.form.table}/${startItem.form.formId}` : '#/list/eer_call';

  // ---- navigation (context.navigation) ----
  let navigating: Promise<void> = Promise.resolve();
  const go = (hash: string): Promise<void> => {
    if (location.hash === hash) return show();
    const shown = new Promise<void>((resolve) => window.addEventListener('desk:shown', () => resolve(), { once: true }));
    location.hash = hash;
    return shown;
  };
  const formRoute = (table: string, formId?: string, id?: string) =>
    `#/form/${table}/${formId || bootstrap.defaultForms[table] || ''}${id ? `/${id.replace(/[{}]/g, '').toLowerCase()}` : ''}`;
  const navigation = {
    openForm: async (options: ComponentFramework.NavigationApi.EntityFormOptions) => {
      await go(formRoute(options.entityName, options.formId, options.entityId));
      return { savedEntityReference: [] } as unknown as ComponentFramework.NavigationApi.OpenFormSuccessResponse;
    },
    // Xrm.Navigation.navigateTo, which model-driven pages also expose: records and views.
    navigateTo: async (pageInput: { pageType: string; entityName?: string; entityId?: string; formId?: string }) => {
      if (pageInput.pageType === 'entityrecord' && pageInput.entityName) await go(formRoute(pageInput.entityName, pageInput.formId, pageInput.entityId));
      else if (pageInput.pageType === 'entitylist' && pageInput.entityName) await go(`#/list/${pageInput.entityName}`);
      else throw Object.assign(new Error(`pageType ${pageInput.pageType} is not available on the desk`), { errorCode: -2147220970 });
    },
    openUrl: (url: string) => {
      window.open(url, '_blank', 'noopener');
    },
    openAlertDialog: async (strings: ComponentFramework.NavigationApi.AlertDialogStrings & { title?: string }) => {
      await dialog(texts, strings.title, strings.text, [{ label: strings.confirmButtonLabel || texts.ok, value: true }]);
    },
    openConfirmDialog: async (strings: ComponentFramework.NavigationApi.ConfirmDialogStrings) => ({
      confirmed: await dialog(texts, strings.title, strings.text, [
        { label: strings.confirmButtonLabel || texts.ok, value: true },
        { label: strings.cancelButtonLabel || texts.cancel, value: false },
      ]),
    }),
    openErrorDialog: async (options: ComponentFramework.NavigationApi.ErrorDialogOptions) => {
      await dialog(texts, undefined, `${options.message ?? ''}${options.details ? `\n${options.details}` : ''}`, [{ label: texts.ok, value: true }]);
    },
    openFile: async (file: ComponentFramework.FileObject) => {
      const bytes = Uint8Array.from(atob(file.fileContent), (c) => c.charCodeAt(0));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      a.download = file.fileName;
      a.click();
    },
    openWebResource: () => undefined,
  } as unknown as ComponentFramework.Navigation;

  const env: DeskEnv = { tables: bootstrap.tables, choices: bootstrap.choices, webApi, user, lcid, theme, fieldAccess, navigation };

  // ---- routing ----
  const show = (): Promise<void> => {
    navigating = navigating.then(async () => {
      const hash = location.hash || startRoute;
      desk.state = 'busy';
      if (desk.form) {
        await desk.form.flush();
        desk.form.unmount();
        desk.form = null;
      }
      main.replaceChildren();
      for (const a of links) {
        if (hash === a.getAttribute('href')) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      try {
        const form = /^#\/form\/(\w+)\/([\w-]*)(?:\/([\w-]+))?$/.exec(hash);
        const list = /^#\/list\/(\w+)$/.exec(hash);
        if (form && bootstrap.tables[form[1]!]) {
          const table = bootstrap.tables[form[1]!]!;
          const model = bootstrap.forms.find((f) => f.id === (form[2] || bootstrap.defaultForms[table.logicalName]) && f.table === table.logicalName);
          if (!model) throw new Error(texts.notFound);
          const view = new FormView(env, model, table, form[3] ?? null, bootstrap.controls, texts.form, {
            readOnly,
            // A saved new record: the address becomes the record's, without showing the form again.
            onCreated: (id) => history.replaceState(null, '', `${hash}/${id}`),
          });
          desk.form = view;
          await view.mount(main);
        } else if (list && bootstrap.tables[list[1]!]) {
          await renderList(main, env, bootstrap, bootstrap.tables[list[1]!]!, texts);
        } else {
          const h1 = document.createElement('h1');
          h1.textContent = texts.notFound;
          main.appendChild(h1);
        }
        desk.route = hash;
        desk.state = 'ready';
      } catch (error) {
        console.error('desk: page failed', error);
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = `${texts.failed}: ${error instanceof Error ? error.message : String(error)}`;
        main.appendChild(p);
        desk.state = 'failed';
      }
      desk.shownAt = performance.now();
      document.documentElement.dataset.deskState = desk.state;
      window.dispatchEvent(new Event('desk:shown'));
    });
    return navigating;
  };
  window.addEventListener('hashchange', () => void show());
  await show();
}

boot().catch((error: unknown) => {
  console.error('desk: start failed', error);
  document.documentElement.dataset.deskState = 'failed';
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `EER 122 desk failed to start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.appendChild(p);
});
