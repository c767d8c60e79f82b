import { webLightTheme, type Theme } from '@fluentui/react-components';

/** The host's Fluent theme when it gives one (model-driven apps do; the PCF harness does not). */
export function hostTheme(context: ComponentFramework.Context<unknown>): Theme {
  return (context.fluentDesignLanguage?.tokenTheme as Theme | undefined) ?? webLightTheme;
}
