/**
 * What the model-driven app's page provides before a control's bundle runs: the platform libraries as the globals
 * pcf-scripts compiles virtual controls against (`Reactv16`, `ReactDOMv16`, `FluentUIReactv940` — see
 * pcf-scripts/PlatformLibraryVersions.json), and `ComponentFramework.registerControl`, which every bundle calls
 * with `namespace.constructor` when the page has it.
 */

export type AnyControl = ComponentFramework.StandardControl<unknown, unknown> & {
  updateView(context: ComponentFramework.Context<unknown>): unknown;
};
type ControlClass = new () => AnyControl;

export interface ReactDomGlobal {
  render(element: unknown, container: Element, callback?: () => void): void;
  unmountComponentAtNode(container: Element): boolean;
}

interface PlatformWindow {
  React?: unknown;
  ReactDOM?: ReactDomGlobal;
  Reactv16?: unknown;
  ReactDOMv16?: ReactDomGlobal;
  FluentUIReactv940?: Record<string, unknown>;
  ComponentFramework?: { registerControl(name: string, control: ControlClass): void };
}

const platformWindow = window as unknown as PlatformWindow;
const registry = new Map<string, ControlClass>();
const loading = new Map<string, Promise<void>>();

platformWindow.ComponentFramework = {
  registerControl(name, control) {
    registry.set(name, control);
  },
};

function addScript(src: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    };
    document.head.appendChild(script);
  });
}

/** Loads a script once per page; a failed load (a busy machine, a server restarting) is tried twice more. */
function loadScript(src: string): Promise<void> {
  let pending = loading.get(src);
  if (!pending) {
    pending = (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await addScript(src);
        } catch (error) {
          if (attempt >= 3) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    })();
    loading.set(src, pending);
  }
  return pending;
}

/** React 16.14 (UMD, production) and Fluent 9 as the platform's globals. */
export async function loadPlatformLibraries(): Promise<void> {
  await loadScript('/platform/react.js');
  await loadScript('/platform/react-dom.js');
  platformWindow.Reactv16 = platformWindow.React;
  platformWindow.ReactDOMv16 = platformWindow.ReactDOM;
  // The platform's Fluent build reads React and ReactDOM from the window.
  await loadScript('/platform/fluent.js');
}

export function reactDom(): ReactDomGlobal {
  return platformWindow.ReactDOMv16!;
}

/** A Fluent theme of the platform's Fluent (what `fluentDesignLanguage.tokenTheme` carries in Dynamics). */
export function fluentTheme(name: 'light' | 'dark'): unknown {
  return platformWindow.FluentUIReactv940?.[name === 'dark' ? 'webDarkTheme' : 'webLightTheme'];
}

/** Loads `/controls/<folder>/bundle.js` once and answers the class it registered as `fullName`. */
export async function controlClass(folder: string, fullName: string): Promise<ControlClass> {
  if (!registry.has(fullName)) await loadScript(`/controls/${folder}/bundle.js`);
  const control = registry.get(fullName);
  if (!control) throw new Error(`the bundle of ${folder} did not register ${fullName}`);
  return control;
}
