/**
 * The Dataverse environment variables the controls read. Names and definitions (type, default, labels) live in the
 * contract (`ENVIRONMENT_VARIABLES`, `ENVIRONMENT_VARIABLE_DEFINITIONS`), the one list shared with the solution's
 * `environmentvariabledefinition.xml` files and the desk; re-exported here for the controls.
 */
import { ENVIRONMENT_VARIABLES } from '@eer/contract';

export { ENVIRONMENT_VARIABLES };
export { ENVIRONMENT_VARIABLE_DEFINITIONS, ENVIRONMENT_VARIABLE_TYPES, type EnvironmentVariableDefinition } from '@eer/contract';
export type SettingKey = keyof typeof ENVIRONMENT_VARIABLES;
