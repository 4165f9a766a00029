import { decimalTransformer, toMoney } from "../schema/money";

describe("decimalTransformer", () => {
  it("keeps MySQL's DECIMAL strings exact, with two decimals", () => {
    expect(decimalTransformer.from("18450.5")).toBe("18450.50");
    expect(decimalTransformer.from("0.10")).toBe("0.10");
    expect(decimalTransformer.from("123456789012.34")).toBe("123456789012.34");
  });

  it("turns SQLite's numbers into two-decimal strings", () => {
    expect(decimalTransformer.from(18450.5)).toBe("18450.50");
    expect(decimalTransformer.from(0.1 + 0.2)).toBe("0.30");
  });

  it("passes null through and refuses non-decimals", () => {
    expect(decimalTransformer.from(null)).toBeNull();
    expect(() => decimalTransformer.from("12,50")).toThrow("not a decimal");
  });

  it("builds Money only when both parts are present", () => {
    expect(toMoney("10.00", "EUR")).toEqual({ amount: "10.00", currency: "EUR" });
    expect(toMoney(null, null)).toBeNull();
  });
});
