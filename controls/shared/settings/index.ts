export { ENVIRONMENT_VARIABLES, type SettingKey } from './names';
export {
  clearEnvironmentSettingsCache,
  loadEnvironmentSettings,
  missingSettings,
  settingsFromRecords,
  settingsQuery,
  SETTING_FALLBACKS,
  type EnvironmentSettings,
  type SettingsWebApi,
} from './environmentSettings';
export { useEnvironmentSettings, type EnvironmentSettingsState } from './useEnvironmentSettings';
