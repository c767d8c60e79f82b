import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Pre-identification of a caller by the number they call from. One more than asked tells whether there are more. */
export const findPatientsByPhone = defineRoute('findPatientsByPhone', async ({ body }) => {
  const found = await mis().findPatientsByPhone(body.phone, body.limit + 1);
  return { candidates: found.slice(0, body.limit), truncated: found.length > body.limit };
});
