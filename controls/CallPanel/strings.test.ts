import { loadResx } from '../shared/test/resx';
import { CALL_PANEL_STRINGS } from './strings';

describe('CallPanel strings', () => {
  it.each([1049, 1033] as const)('every key the control shows has a text in %p', (lcid) => {
    const resx = loadResx('CallPanel', lcid);
    for (const key of CALL_PANEL_STRINGS) expect([key, (resx[key] ?? '').length > 0]).toEqual([key, true]);
  });
});
