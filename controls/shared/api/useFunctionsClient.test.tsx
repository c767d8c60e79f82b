import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { ENVIRONMENT_VARIABLES } from '@eer/contract';
import { clearEnvironmentSettingsCache } from '../settings';
import { createWebApiMock, seedEnvironmentVariables } from '../test/contextMock';
import { staticTokenSource } from '../auth/TokenSource';
import { useFunctionsClient } from './useFunctionsClient';

function Probe({ webAPI }: { webAPI: ReturnType<typeof createWebApiMock> }) {
  const state = useFunctionsClient(webAPI, { lcid: 1033, tokens: () => staticTokenSource('t') });
  const text =
    state.status === 'ready'
      ? `ready ${state.client.baseUrl} ${state.client.lang} ${state.client.tokens ? 'tokens' : 'none'}`
      : state.status === 'missing'
        ? `missing ${state.missing.join(',')}`
        : state.status;
  return <span data-testid="state">{text}</span>;
}

describe('useFunctionsClient', () => {
  afterEach(() => clearEnvironmentSettingsCache());

  it('makes a client for the environment base URL, the user language and the token source', async () => {
    const webAPI = createWebApiMock();
    seedEnvironmentVariables(webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api/' } });
    render(<Probe webAPI={webAPI} />);
    expect(screen.getByTestId('state')).toHaveTextContent('loading');
    expect(await screen.findByText('ready https://eer122-func.azurewebsites.net/api en tokens')).toBeInTheDocument();
  });

  it('names the missing environment variable for the admin', async () => {
    render(<Probe webAPI={createWebApiMock()} />);
    expect(await screen.findByText(`missing ${ENVIRONMENT_VARIABLES.functionsBaseUrl}`)).toBeInTheDocument();
  });

  it('reports a failed settings read', async () => {
    const webAPI = createWebApiMock();
    webAPI.failNext('retrieveMultipleRecords');
    render(<Probe webAPI={webAPI} />);
    expect(await screen.findByText('error')).toBeInTheDocument();
  });
});
