/**
 * Errors of the desk's Web API, with the HRESULT codes and statuses Dataverse answers for the same mistakes, so a
 * control sees here what it would see in Dynamics (`errorCode` in the rejected webAPI promise).
 */
const KINDS = {
  /** A property the table does not have ($select, $filter, $orderby). */
  unknownProperty: { code: 0x80060888, status: 400 },
  /** A body property the table does not have (create, update). */
  unknownBodyProperty: { code: 0x80048d19, status: 400 },
  /** A value of the wrong type, out of range, too long, or not one of the choice's options. */
  invalidValue: { code: 0x80044331, status: 400 },
  /** A malformed or unsupported query. */
  queryInvalid: { code: 0x80060888, status: 400 },
  /** A table (entity set) that does not exist. */
  unknownTable: { code: 0x80060888, status: 404 },
  /** A record that does not exist. */
  notFound: { code: 0x80040217, status: 404 },
  /** Creating a record with an id that exists. */
  duplicate: { code: 0x80040237, status: 412 },
  /** No desk user (the Dynamics session) on the request. */
  unauthenticated: { code: 0x80048306, status: 401 },
} as const;

export type DataverseErrorKind = keyof typeof KINDS;

export class DataverseError extends Error {
  readonly status: number;
  /** The HRESULT as Dataverse prints it: `0x80040217`. */
  readonly hex: string;
  /** The HRESULT as the PCF webAPI rejects with it: a signed 32-bit number. */
  readonly errorCode: number;

  constructor(
    readonly kind: DataverseErrorKind,
    message: string,
  ) {
    super(message);
    this.status = KINDS[kind].status;
    this.hex = `0x${KINDS[kind].code.toString(16)}`;
    this.errorCode = KINDS[kind].code | 0;
  }

  /** The Web API's error body. */
  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.hex, message: this.message } };
  }
}
