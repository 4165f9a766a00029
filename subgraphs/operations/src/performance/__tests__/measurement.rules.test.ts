import { measurementPerformance, satisfies } from "../measurement.rules";

describe("measured metrics", () => {
  it("compare the mean with the target value; equal satisfies either comparator", () => {
    expect(satisfies(4, "AT_LEAST", 4)).toBe(true);
    expect(satisfies(3.99, "AT_LEAST", 4)).toBe(false);
    expect(satisfies(2, "AT_MOST", 2)).toBe(true);
    expect(satisfies(2.01, "AT_MOST", 2)).toBe(false);
    expect(satisfies(0.1 + 0.2, "AT_MOST", 0.3)).toBe(true); // 0.30000000000000004 is 0.3
  });

  it("a satisfaction mean at the target is met, below it breached, without a budget", () => {
    // three months: 4.2, 4.0, 3.8 → mean 4.0 vs AT_LEAST 4.0
    expect(measurementPerformance({ comparator: "AT_LEAST", value: 4, count: 3, mean: 4, missed: 1 })).toEqual({
      achieved: 4,
      status: "MET",
      sampleSize: 3,
      breaches: 1,
      errorBudget: null,
    });
    const low = measurementPerformance({ comparator: "AT_LEAST", value: 4, count: 2, mean: 3.9, missed: 1 });
    expect(low.status).toBe("BREACHED");
  });

  it("no measurements is NO_DATA", () => {
    expect(measurementPerformance({ comparator: "AT_LEAST", value: 80, count: 0, mean: null, missed: 0 }).status).toBe(
      "NO_DATA",
    );
  });
});
