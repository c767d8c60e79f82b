/**
 * Fault injection for the sandbox MIS, for tests and fault runs: answer a share of requests with 503, delay every
 * answer, or be down (connections are dropped without an answer). Applies to the FHIR endpoint only, never to the
 * control endpoint `/_sandbox/faults`, so a fault run in another process can switch it over HTTP.
 */
export interface Faults {
  /** Share of FHIR requests answered 503 (0..1). Deterministic: exactly that share, evenly spread. */
  failRate: number;
  /** Milliseconds added before every FHIR answer. */
  delayMs: number;
  /** Drop every FHIR connection without an answer (the client sees a reset). */
  down: boolean;
  /**
   * Share of FHIR requests (0..1) the MIS carries out but answers only `slowMs` later — past the client's timeout, so
   * the client sees a timeout although the work is done (a lost answer). Deterministic, like `failRate`.
   */
  slowRate: number;
  slowMs: number;
}

export const NO_FAULTS: Faults = { failRate: 0, delayMs: 0, down: false, slowRate: 0, slowMs: 30_000 };

export class FaultSwitch {
  private faults: Faults = { ...NO_FAULTS };
  private counted = 0;
  private countedSlow = 0;

  get(): Faults {
    return { ...this.faults };
  }

  /** Changes some settings; out-of-range values are refused with a RangeError. */
  set(change: Partial<Faults>): Faults {
    const next = { ...this.faults, ...change };
    if (!(next.failRate >= 0 && next.failRate <= 1)) throw new RangeError('failRate must be within 0..1');
    if (!(Number.isInteger(next.delayMs) && next.delayMs >= 0 && next.delayMs <= 120_000)) {
      throw new RangeError('delayMs must be an integer within 0..120000');
    }
    if (typeof next.down !== 'boolean') throw new RangeError('down must be a boolean');
    if (!(next.slowRate >= 0 && next.slowRate <= 1)) throw new RangeError('slowRate must be within 0..1');
    if (!(Number.isInteger(next.slowMs) && next.slowMs >= 0 && next.slowMs <= 600_000)) throw new RangeError('slowMs must be an integer within 0..600000');
    this.faults = next;
    this.counted = 0;
    this.countedSlow = 0;
    return this.get();
  }

  reset(): void {
    this.set(NO_FAULTS);
  }

  /** Whether this request is one of the failing share: request n fails when floor(n·rate) steps up. */
  nextFails(): boolean {
    if (this.faults.failRate <= 0) return false;
    this.counted++;
    return Math.floor(this.counted * this.faults.failRate) > Math.floor((this.counted - 1) * this.faults.failRate);
  }

  /** Whether this request's answer is held back (`slowRate`), spread like `nextFails`. */
  nextSlow(): boolean {
    if (this.faults.slowRate <= 0) return false;
    this.countedSlow++;
    return Math.floor(this.countedSlow * this.faults.slowRate) > Math.floor((this.countedSlow - 1) * this.faults.slowRate);
  }
}
