import { createWebApiMock } from '../test/contextMock';
import { forgetPageShared } from '../pageShared';
import { loadUserPrincipalName } from './userPrincipalName';
import { entraTokens } from './msalTokenSource';
import { settingsFromRecords } from '../settings/environmentSettings';

describe('the Dynamics user as login hint', () => {
  afterEach(() => forgetPageShared());

  it('reads systemuser.domainname once per page', async () => {
    const webAPI = createWebApiMock({ tables: { systemuser: [{ systemuserid: 'aa-1', domainname: 'operator1@eer122.local' }] } });
    await expect(loadUserPrincipalName(webAPI, '{AA-1}')).resolves.toBe('operator1@eer122.local');
    await expect(loadUserPrincipalName(webAPI, 'aa-1')).resolves.toBe('operator1@eer122.local');
    expect(webAPI.retrieveRecord).toHaveBeenCalledTimes(1);
    expect(webAPI.retrieveRecord).toHaveBeenCalledWith('systemuser', 'aa-1', '?$select=domainname');
  });

  it('answers null when the user cannot be read or has no UPN', async () => {
    const webAPI = createWebApiMock({ tables: { systemuser: [{ systemuserid: 'bb-2', domainname: 'CONTOSO\\op' }] } });
    await expect(loadUserPrincipalName(webAPI, 'bb-2')).resolves.toBeNull();
    await expect(loadUserPrincipalName(webAPI, 'missing')).resolves.toBeNull();
  });

  it('makes no token source while the sign-in settings are missing', () => {
    const factory = entraTokens({ webAPI: createWebApiMock(), userSettings: { userId: 'x' } });
    expect(factory(settingsFromRecords([]))).toBeNull();
  });
});
