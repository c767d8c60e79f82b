import { SETTING_FALLBACKS, type EnvironmentSettings } from '../shared/settings';

const DEFAULT_SECONDS = SETTING_FALLBACKS.callTimeThresholdSeconds;

/**
 * The red-timer threshold: the environment variable eer_CallTimeThresholdSeconds when an admin set it to something
 * other than the shared default (180), else the form's manifest property, else 180. (The settings give the
 * variable's default and its current value as one number, so "set to 180" and "not set" look alike: both leave the
 * form's own value in force.)
 */
export function thresholdSeconds(settings: EnvironmentSettings | null, manifestSeconds: number | null | undefined): number {
  const fromEnvironment =
    settings && !settings.invalid.includes('callTimeThresholdSeconds') && settings.callTimeThresholdSeconds !== DEFAULT_SECONDS
      ? settings.callTimeThresholdSeconds
      : null;
  if (fromEnvironment !== null) return fromEnvironment;
  return typeof manifestSeconds === 'number' && manifestSeconds > 0 ? manifestSeconds : DEFAULT_SECONDS;
}
