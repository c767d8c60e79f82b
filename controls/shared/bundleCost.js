#!/usr/bin/env node
// What each shared platform module adds to a control's production bundle.js: builds small probe controls (a minimal
// Fluent v9 virtual control, then the same control using one module) with controls/build.js and prints bytes and
// gzip, absolute and added over the minimal control. Run: node controls/shared/bundleCost.js (a few minutes).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const controls = path.join(__dirname, '..');
// Inside controls/ so probes resolve pcf-scripts, React, Fluent and @eer/contract like the real controls.
const scratch = path.join(controls, '.build-test-cost');

const PROBES = {
  Minimal: { imports: '', body: 'const text = String(props.context.parameters.value.raw ?? "");' },
  Contract: {
    imports: "import { API_ROUTES, validate } from '@eer/contract';",
    body: "const text = String(validate(API_ROUTES.searchPatients.body, { snils: props.context.parameters.value.raw }, 'ru').success);",
  },
  ApiClient: {
    imports: "import { callApi, createApiClient } from '../shared/api/client';",
    body:
      "const [text, setText] = React.useState('');\n" +
      "  React.useEffect(() => { void callApi(createApiClient({ baseUrl: props.context.parameters.value.raw ?? '' }), 'health').then((h) => setText(h.status), () => setText('x')); }, []);",
  },
  Settings: {
    imports: "import { useEnvironmentSettings } from '../shared/settings/useEnvironmentSettings';",
    body: 'const { settings } = useEnvironmentSettings(props.context.webAPI);\n  const text = settings?.functionsBaseUrl ?? "";',
  },
  Auth: {
    imports: "import { msalTokenSource } from '../shared/auth/msalTokenSource';",
    body:
      "const [text, setText] = React.useState('');\n" +
      "  React.useEffect(() => { void msalTokenSource({ clientId: 'c', authority: 'https://login.microsoftonline.com/t', scopes: ['s'] }).getToken().then(setText, () => setText('x')); }, []);",
  },
  Realtime: {
    imports: "import { useRealtime } from '../shared/realtime/useRealtime';",
    body: "const realtime = useRealtime({ baseUrl: props.context.parameters.value.raw ?? '', tokens: null });\n  const text = realtime.status;",
  },
  Everything: {
    imports: [
      "import { useFunctionsClient } from '../shared/api/useFunctionsClient';",
      "import { entraTokens } from '../shared/auth/msalTokenSource';",
      "import { useRealtime } from '../shared/realtime/useRealtime';",
      "import { callApi } from '../shared/api/client';",
    ].join('\n'),
    body:
      'const tokens = React.useMemo(() => entraTokens(props.context), [props.context]);\n' +
      '  const state = useFunctionsClient(props.context.webAPI, { lcid: props.context.userSettings.languageId, tokens });\n' +
      "  const client = state.status === 'ready' ? state.client : null;\n" +
      '  const realtime = useRealtime(client);\n' +
      "  React.useEffect(() => { if (client) void callApi(client, 'listDistricts').catch(() => undefined); }, [client]);\n" +
      '  const text = `${state.status} ${realtime.status}`;',
  },
};

const manifest = (name) => `<?xml version="1.0" encoding="utf-8" ?>
<manifest>
  <control namespace="Eer" constructor="${name}" version="0.0.1" display-name-key="${name}" description-key="${name}" control-type="virtual">
    <external-service-usage enabled="false"></external-service-usage>
    <property name="value" display-name-key="value" description-key="value" of-type="SingleLine.Text" usage="bound" required="false" />
    <resources>
      <code path="index.ts" order="1" />
      <platform-library name="React" version="16.14.0" />
      <platform-library name="Fluent" version="9.46.2" />
    </resources>
    <feature-usage><uses-feature name="WebAPI" required="true" /></feature-usage>
  </control>
</manifest>
`;

const index = (name, probe) => `import * as React from 'react';
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { IInputs, IOutputs } from './generated/ManifestTypes';
${probe.imports}

function View(props: { context: ComponentFramework.Context<IInputs> }): JSX.Element {
  ${probe.body}
  return React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(Text, null, text));
}

export class ${name} implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  public init(): void {
    // nothing to set up
  }
  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    return React.createElement(View, { context });
  }
  public getOutputs(): IOutputs {
    return {};
  }
  public destroy(): void {
    // nothing held
  }
}
`;

try {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  fs.cpSync(path.join(controls, 'shared'), path.join(scratch, 'shared'), { recursive: true });
  // The controls' tsconfig, one folder deeper: its typeRoots point one level further up.
  const tsconfig = JSON.parse(fs.readFileSync(path.join(controls, 'tsconfig.json'), 'utf8'));
  tsconfig.extends = path.join(path.dirname(require.resolve('pcf-scripts/bin/pcf-scripts.js', { paths: [controls] })), '..', 'tsconfig_base.json');
  tsconfig.compilerOptions.typeRoots = [path.join(controls, '..', 'node_modules', '@types')];
  fs.writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const targets = JSON.parse(fs.readFileSync(path.join(controls, 'CallPanel', 'pcfconfig.json'), 'utf8')).targets;
  for (const [name, probe] of Object.entries(PROBES)) {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'ControlManifest.Input.xml'), manifest(name));
    fs.writeFileSync(path.join(dir, 'index.ts'), index(name, probe));
    fs.writeFileSync(path.join(dir, 'pcfconfig.json'), JSON.stringify({ outDir: `../out/${name}`, targets }));
    // As every control: only its own files and shared/, so probes never see each other's generated types.
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['./**/*.ts', '../shared/**/*'] }));
  }
  const build = spawnSync(process.execPath, [path.join(controls, 'build.js'), '--root', scratch], { encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}`);
    throw new Error('probe build failed');
  }
  const size = (name) => {
    const bytes = fs.readFileSync(path.join(scratch, 'out', name, 'bundle.js'));
    return { bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const minimal = size('Minimal');
  const rows = Object.keys(PROBES).map((name) => {
    const s = size(name);
    return { probe: name, bytes: s.bytes, gzip: s.gzip, 'added bytes': s.bytes - minimal.bytes, 'added gzip': s.gzip - minimal.gzip };
  });
  console.log('shared platform modules in a production control bundle (pcf-scripts, React/Fluent external):');
  console.table(rows);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
