import * as z from 'zod/mini';
import { boundedText } from './identifiers';
import { formatError } from './messages';

const Part = z.optional(boundedText(200));

/**
 * An address as the operator takes it down. `text` is always there (what was said); the parts and the FIAS house
 * GUID are filled when an address directory resolved it, and are what the MIS adapters send.
 */
export const Address = z.object({
  text: boundedText(500),
  locality: Part,
  street: Part,
  house: z.optional(boundedText(20)),
  building: z.optional(boundedText(20)),
  apartment: z.optional(boundedText(20)),
  fiasHouseGuid: z.optional(z.guid(formatError('fias.format'))),
});
export type Address = z.infer<typeof Address>;
