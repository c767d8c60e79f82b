/**
 * The production TokenSource: Microsoft Entra ID through `@azure/msal-browser`. One PublicClientApplication per
 * page and client id, shared by every control on the form (each control's bundle has its own copy of this module,
 * so the instance lives on the window), and one sign-in at a time: seven controls asking at once get one popup.
 *
 * Order: the cached/refreshed token (`acquireTokenSilent`), then a hidden-iframe sign-in with the Dynamics user's
 * UPN as `login_hint` (`ssoSilent`), then a popup as the last resort. Popups need a user gesture: call `signIn()`
 * (or any API call) from a click when `getToken` failed with a blocked popup.
 *
 * MSAL v5 delivers popup and iframe answers through a redirect bridge page (`redirectUri`) that must be same-origin
 * with the form: `auth/redirect.html` built by `controls/shared/auth/buildRedirectBridge.js`, shipped as the web
 * resource `eer_/auth/redirect.html` and registered as the app's SPA redirect URI.
 */
import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo, type Configuration } from '@azure/msal-browser';
import type { TokenSource } from './TokenSource';
import { loadUserPrincipalName } from './userPrincipalName';
import { pageShared } from '../pageShared';
import type { EnvironmentSettings } from '../settings/environmentSettings';

export interface MsalSettings {
  /** `eer_AuthClientId`: the SPA app registration. */
  clientId: string;
  /** `eer_AuthAuthority`: `https://login.microsoftonline.com/<tenant id>`. */
  authority: string;
  /** `eer_FunctionsScope`, e.g. `api://eer-122-functions/access_as_user`. */
  scopes: string[];
  /** The redirect bridge page; defaults to `REDIRECT_BRIDGE_PATH` on the form's origin. */
  redirectUri?: string;
  /**
   * The Dynamics user's UPN, or a function answering it later (`loadUserPrincipalName`): picks the account and makes
   * the silent sign-in possible.
   */
  loginHint?: string | (() => Promise<string | null | undefined>);
}

export interface MsalTokenSource extends TokenSource {
  /** Interactive sign-in (popup) right away: call it from a click handler. */
  signIn(): Promise<string>;
  /** The signed-in account's UPN, once known. */
  account(): string | null;
}

/** Where the solution puts the redirect bridge web resource. */
// eslint-disable-next-line @microsoft/power-apps/use-cached-webresource -- a redirect URI must be one fixed, registered URL
export const REDIRECT_BRIDGE_PATH = '/WebResources/eer_/auth/redirect.html';

// Entra's own hosts are known to MSAL; any other authority (the local development issuer) must be listed as known.
const MICROSOFT_LOGIN_HOST = /^login\.(microsoftonline\.(com|us)|microsoft\.com|windows\.net|chinacloudapi\.cn|partner\.microsoftonline\.cn)$/i;

interface SharedMsal {
  app: PublicClientApplication;
  ready: Promise<void>;
  /** One token request per scope set at a time. */
  pending: Map<string, Promise<string>>;
}

function sharedMsal(settings: MsalSettings, redirectUri: string): SharedMsal {
  return pageShared(`msal:v1:${settings.clientId}:${settings.authority}`, () => {
    const host = new URL(settings.authority).host;
    const config: Configuration = {
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        redirectUri,
        knownAuthorities: MICROSOFT_LOGIN_HOST.test(host) ? [] : [host],
      },
      // Tabs of the same app share the sign-in; tokens never leave the browser profile.
      cache: { cacheLocation: 'localStorage' },
    };
    const app = new PublicClientApplication(config);
    return { app, ready: app.initialize(), pending: new Map() };
  });
}

function pickAccount(app: PublicClientApplication, loginHint: string | undefined): AccountInfo | null {
  const accounts = app.getAllAccounts();
  const hint = loginHint?.toLowerCase();
  return (
    (hint ? accounts.find((a) => a.username.toLowerCase() === hint) : undefined) ??
    app.getActiveAccount() ??
    (accounts.length === 1 ? accounts[0]! : null)
  );
}

export function msalTokenSource(settings: MsalSettings): MsalTokenSource {
  const redirectUri = settings.redirectUri ?? `${window.location.origin}${REDIRECT_BRIDGE_PATH}`;
  const shared = sharedMsal(settings, redirectUri);
  const { app } = shared;
  const scopes = settings.scopes;
  let hint: Promise<string | undefined> | undefined;
  const loginHint = (): Promise<string | undefined> => {
    const given = settings.loginHint;
    hint ??= typeof given === 'function' ? given().then((upn) => upn || undefined, () => undefined) : Promise.resolve(given || undefined);
    return hint;
  };
  let knownHint: string | undefined;
  void loginHint().then((upn) => (knownHint = upn));

  const interactive = async (): Promise<string> => {
    const result = await app.acquireTokenPopup({ scopes, loginHint: knownHint, redirectUri });
    app.setActiveAccount(result.account);
    return result.accessToken;
  };

  const acquire = async (forceRefresh: boolean): Promise<string> => {
    await shared.ready;
    const upn = await loginHint();
    const account = pickAccount(app, upn);
    if (account) {
      try {
        const result = await app.acquireTokenSilent({ scopes, account, forceRefresh, redirectUri });
        return result.accessToken;
      } catch (error) {
        // Anything but "the user must interact" (network, misconfiguration) is the real answer.
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
      }
    }
    try {
      const result = await app.ssoSilent({ scopes, loginHint: upn, redirectUri });
      app.setActiveAccount(result.account);
      return result.accessToken;
    } catch {
      // No session, third-party cookies blocked or the iframe timed out: only the user can go on.
    }
    return interactive();
  };

  const once = (key: string, run: () => Promise<string>): Promise<string> => {
    const running = shared.pending.get(key);
    if (running) return running;
    const started = run().finally(() => shared.pending.delete(key));
    shared.pending.set(key, started);
    return started;
  };

  return {
    getToken: (options) => once(`${scopes.join(' ')}|${options?.forceRefresh ? 'force' : ''}`, () => acquire(options?.forceRefresh === true)),
    signIn: () =>
      once(`${scopes.join(' ')}|interactive`, async () => {
        await shared.ready;
        return interactive();
      }),
    account: () => pickAccount(app, knownHint)?.username ?? null,
  };
}

/**
 * The `tokens` option of `useFunctionsClient` for a control: MSAL with the environment's sign-in settings and the
 * Dynamics user's UPN as hint (read from `systemuser` once per page). Null when the sign-in settings are missing.
 */
export function entraTokens(platform: {
  webAPI: Pick<ComponentFramework.WebApi, 'retrieveRecord'>;
  userSettings: Pick<ComponentFramework.UserSettings, 'userId'>;
}): (settings: EnvironmentSettings) => MsalTokenSource | null {
  return (settings) =>
    settings.authClientId && settings.authAuthority && settings.functionsScope
      ? msalTokenSource({
          clientId: settings.authClientId,
          authority: settings.authAuthority,
          scopes: [settings.functionsScope],
          loginHint: () => loadUserPrincipalName(platform.webAPI, platform.userSettings.userId),
        })
      : null;
}
