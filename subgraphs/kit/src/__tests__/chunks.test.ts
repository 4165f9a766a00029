import { chunksOf } from "../data/chunks";

describe("chunksOf", () => {
  it("slices in order, the last slice shorter, nothing for an empty list", () => {
    expect([...chunksOf([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...chunksOf([1, 2, 3, 4], 2)]).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect([...chunksOf([], 3)]).toEqual([]);
  });

  it("refuses a size that would never end", () => {
    expect(() => [...chunksOf([1], 0)]).toThrow(RangeError);
    expect(() => [...chunksOf([1], Number.NaN)]).toThrow(RangeError);
  });
});
