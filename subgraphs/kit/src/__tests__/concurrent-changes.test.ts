import { onlyWinnerOf } from "../testing/concurrent-changes";

const won = { data: { update: { id: "a" } } };
const conflict = (expectedVersion: number, currentVersion: number) => ({
  data: null,
  errors: [{ message: "changed", extensions: { code: "CONFLICT", expectedVersion, currentVersion } }],
});

describe("onlyWinnerOf", () => {
  it("returns the one change that won when every other one is a CONFLICT at the versions named", () => {
    expect(onlyWinnerOf([conflict(1, 2), won, conflict(1, 2)], { expectedVersion: 1, currentVersion: 2 })).toBe(won);
  });

  it.each([
    ["two changes won", [won, won, conflict(1, 2)]],
    ["none won", [conflict(1, 2), conflict(1, 2)]],
    ["a loser names other versions", [won, conflict(1, 3)]],
    ["a loser failed otherwise", [won, { data: null, errors: [{ message: "x", extensions: { code: "NOT_FOUND" } }] }]],
  ])("fails when %s", (_case, results) => {
    expect(() => onlyWinnerOf(results, { expectedVersion: 1, currentVersion: 2 })).toThrow();
  });
});
