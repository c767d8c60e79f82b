import { loadResx } from '../shared/test/resx';
import { PATIENT_SEARCH_STRINGS } from './strings';

describe('PatientSearch strings', () => {
  it.each([1049, 1033] as const)('every key the control shows has a text in %p', (lcid) => {
    const resx = loadResx('PatientSearch', lcid);
    for (const key of PATIENT_SEARCH_STRINGS) expect([key, (resx[key] ?? '').length > 0]).toEqual([key, true]);
  });
});
