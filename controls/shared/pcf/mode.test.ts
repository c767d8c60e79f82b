import { allocatedWidth } from './mode';

const contextWith = (allocated: unknown) => ({ mode: { allocatedWidth: allocated } }) as unknown as ComponentFramework.Context<unknown>;

describe('allocatedWidth', () => {
  it('is the width the host gives; not tracked yet (-1, 0) counts as wide', () => {
    expect(allocatedWidth(contextWith(480))).toBe(480);
    expect(allocatedWidth(contextWith(-1))).toBe(1024);
    expect(allocatedWidth(contextWith(0))).toBe(1024);
  });

  it('reads the numeric string the PCF test harness passes', () => {
    expect(allocatedWidth(contextWith('380'))).toBe(380);
    expect(allocatedWidth(contextWith(''))).toBe(1024);
    expect(allocatedWidth(contextWith('abc'))).toBe(1024);
  });
});
