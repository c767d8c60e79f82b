import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { createWebApiMock, seedEnvironmentVariables, type WebApiMock } from '../test/contextMock';
import { clearEnvironmentSettingsCache, loadEnvironmentSettings, missingSettings, settingsQuery } from './environmentSettings';
import { ENVIRONMENT_VARIABLES, ENVIRONMENT_VARIABLE_DEFINITIONS } from './names';
import { useEnvironmentSettings } from './useEnvironmentSettings';

const HOURS = { 1: [{ from: '08:00', to: '14:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };

function environment(): WebApiMock {
  const api = createWebApiMock();
  seedEnvironmentVariables(api, {
    eer_FunctionsBaseUrl: { defaultValue: 'https://default.example/api', value: 'https://eer122-func.azurewebsites.net/api/' },
    eer_AuthClientId: { defaultValue: '11111111-2222-3333-4444-555555555555' },
    eer_AuthAuthority: { value: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000122' },
    eer_FunctionsScope: { value: 'api://eer-122-functions/access_as_user' },
    eer_CallTimeThresholdSeconds: { defaultValue: '180', value: '240' },
    eer_HomeVisitHours: { defaultValue: JSON.stringify(HOURS) },
    eer_Unrelated: { value: 'not ours' },
  });
  return api;
}

describe('environment settings', () => {
  beforeEach(() => clearEnvironmentSettingsCache());

  it('reads every variable in one query, the current value winning over the default', async () => {
    const api = environment();
    const settings = await loadEnvironmentSettings(api);
    expect(settings).toEqual({
      functionsBaseUrl: 'https://eer122-func.azurewebsites.net/api',
      authClientId: '11111111-2222-3333-4444-555555555555',
      authAuthority: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000122',
      functionsScope: 'api://eer-122-functions/access_as_user',
      callTimeThresholdSeconds: 240,
      homeVisitHours: HOURS,
      invalid: [],
    });
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
    expect(api.retrieveMultipleRecords).toHaveBeenCalledWith('environmentvariabledefinition', settingsQuery());
    expect(settingsQuery()).toContain("$expand=environmentvariabledefinition_environmentvariablevalue($select=value)");
  });

  it('shares one read per page between controls, and retries after a failure', async () => {
    const api = environment();
    api.failNext('retrieveMultipleRecords');
    await expect(loadEnvironmentSettings(api)).rejects.toMatchObject({ errorCode: expect.any(Number) });
    const [a, b] = await Promise.all([loadEnvironmentSettings(api), loadEnvironmentSettings(createWebApiMock())]);
    expect(b).toBe(a);
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(2);
  });

  it('falls back and reports unusable values by key, never failing the whole read', async () => {
    const api = createWebApiMock();
    seedEnvironmentVariables(api, {
      eer_FunctionsBaseUrl: { value: 'http://eer122.example/api' },
      eer_CallTimeThresholdSeconds: { value: 'три минуты' },
      eer_HomeVisitHours: { value: '{"1":[{"from":"14:00","to":"08:00"}]}' },
    });
    const settings = await loadEnvironmentSettings(api);
    expect(settings).toMatchObject({ functionsBaseUrl: null, callTimeThresholdSeconds: 180, homeVisitHours: null, authClientId: null });
    expect(settings.invalid.sort()).toEqual(['callTimeThresholdSeconds', 'functionsBaseUrl', 'homeVisitHours']);
    expect(missingSettings(settings, ['functionsBaseUrl', 'authClientId', 'callTimeThresholdSeconds'])).toEqual([
      'eer_FunctionsBaseUrl',
      'eer_AuthClientId',
      'eer_CallTimeThresholdSeconds',
    ]);
  });

  it('accepts http only for the local stack', async () => {
    const api = createWebApiMock();
    seedEnvironmentVariables(api, { eer_FunctionsBaseUrl: { value: 'http://127.0.0.1:7071/api' } });
    expect((await loadEnvironmentSettings(api)).functionsBaseUrl).toBe('http://127.0.0.1:7071/api');
  });

  it('defines every variable the settings read, with valid defaults', () => {
    for (const [key, name] of Object.entries(ENVIRONMENT_VARIABLES)) {
      expect(ENVIRONMENT_VARIABLE_DEFINITIONS[key as keyof typeof ENVIRONMENT_VARIABLES].schemaName).toBe(name);
    }
    expect(JSON.parse(ENVIRONMENT_VARIABLE_DEFINITIONS.homeVisitHours.defaultValue!)).toMatchObject({ 1: [{ from: '08:00', to: '14:00' }] });
  });
});

function Probe({ api }: { api: WebApiMock }): JSX.Element {
  const { settings, loading, error, reload } = useEnvironmentSettings(api);
  if (loading) return <p>loading</p>;
  if (error) return <button onClick={reload}>retry</button>;
  return <p>threshold {settings?.callTimeThresholdSeconds}</p>;
}

describe('useEnvironmentSettings', () => {
  beforeEach(() => clearEnvironmentSettingsCache());

  it('shows loading, then the settings', async () => {
    render(<Probe api={environment()} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('threshold 240')).toBeInTheDocument();
  });

  it('keeps the settings on screen when the host passes a new webAPI object (no loading flash, nothing unmounted)', async () => {
    const api = environment();
    const view = render(<Probe api={api} />);
    expect(await screen.findByText('threshold 240')).toBeInTheDocument();
    view.rerender(<Probe api={{ ...api } as WebApiMock} />);
    expect(screen.queryByText('loading')).toBeNull();
    expect(screen.getByText('threshold 240')).toBeInTheDocument();
    await act(async () => undefined);
    expect(screen.getByText('threshold 240')).toBeInTheDocument();
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
  });

  it('shows the error and loads again on reload', async () => {
    const api = environment();
    api.failNext('retrieveMultipleRecords');
    render(<Probe api={api} />);
    const retry = await screen.findByRole('button', { name: 'retry' });
    await act(async () => retry.click());
    expect(await screen.findByText('threshold 240')).toBeInTheDocument();
  });
});
