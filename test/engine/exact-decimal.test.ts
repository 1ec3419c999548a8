import { addDecimal, compareDecimal, decimalOf, exactSum, mulDecimal } from "../../src/engine/exact-decimal";

describe("exact decimals", () => {
  test("doubles read back as the decimal the user typed", () => {
    expect(decimalOf(0.1)).toEqual({ mantissa: 1n, exponent: -1 });
    expect(decimalOf(1234.56)).toEqual({ mantissa: 123456n, exponent: -2 });
    expect(decimalOf(1e21)).toEqual({ mantissa: 1n, exponent: 21 });
    expect(decimalOf(-2.5e-7)).toEqual({ mantissa: -25n, exponent: -8 });
  });

  test("0.1 + 0.2 is exactly 0.3, unlike floating point", () => {
    const sum = addDecimal(decimalOf(0.1), decimalOf(0.2));
    expect(compareDecimal(sum, decimalOf(0.3))).toBe(0);
    expect(0.1 + 0.2 === 0.3).toBe(false);
  });

  test("0.8 × 100 compares equal to 80 and below 80.01", () => {
    const p = mulDecimal(decimalOf(0.8), decimalOf(100));
    expect(compareDecimal(p, decimalOf(80))).toBe(0);
    expect(compareDecimal(p, decimalOf(80.01))).toBe(-1);
    expect(compareDecimal(exactSum([0.7, 0.1, 0.05, 0.05]), decimalOf(0.9))).toBe(0);
  });
});
