import { pageShared } from '../pageShared';

/**
 * The signed-in Dynamics user's UPN (`systemuser.domainname`), the `login_hint` that lets MSAL sign in silently as
 * the same person. Read once per page; null when it cannot be read (then MSAL asks the user).
 */
export function loadUserPrincipalName(webAPI: Pick<ComponentFramework.WebApi, 'retrieveRecord'>, userId: string): Promise<string | null> {
  const id = userId.replace(/[{}]/g, '').toLowerCase();
  return pageShared(`upn:v1:${id}`, () =>
    webAPI.retrieveRecord('systemuser', id, '?$select=domainname').then(
      (user) => (typeof user.domainname === 'string' && user.domainname.includes('@') ? user.domainname : null),
      () => null,
    ),
  );
}
