import * as React from 'react';
import { clearEnvironmentSettingsCache, loadEnvironmentSettings, type EnvironmentSettings, type SettingsWebApi } from './environmentSettings';

export interface EnvironmentSettingsState {
  settings: EnvironmentSettings | null;
  loading: boolean;
  /** The webAPI failure (no privilege to read environment variables, offline); `reload` tries again. */
  error: unknown;
  reload(): void;
}

/** The environment settings for a component: loads once per page, re-renders when they arrive. */
export function useEnvironmentSettings(webAPI: SettingsWebApi): EnvironmentSettingsState {
  const [state, setState] = React.useState<{ settings: EnvironmentSettings | null; error: unknown; loading: boolean }>({
    settings: null,
    error: null,
    loading: true,
  });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    // Hosts may pass a new webAPI object with every updateView: once settings are here they stay on screen while
    // the (page-cached) read answers again, so the control below is not unmounted and its state is kept.
    setState((s) => (s.loading || s.settings ? s : { ...s, loading: true }));
    loadEnvironmentSettings(webAPI).then(
      (settings) => current && setState({ settings, error: null, loading: false }),
      (error: unknown) => current && setState({ settings: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [webAPI, attempt]);

  const reload = React.useCallback(() => {
    clearEnvironmentSettingsCache();
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, reload };
}
