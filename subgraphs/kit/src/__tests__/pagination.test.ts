import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, toPageRequest } from "../schema/pagination";
import { ErrorCode } from "@itsm/runtime";

describe("cursors", () => {
  it("round-trips a keyset position", () => {
    expect(decodeCursor(encodeCursor(["EMAIL", "b1c3"]))).toEqual(["EMAIL", "b1c3"]);
    expect(decodeCursor(encodeCursor([42, "id"]))).toEqual([42, "id"]);
  });

  it.each(["not a cursor!", "", "e30", Buffer.from("[1,2,3]").toString("base64url"), "x".repeat(2000)])(
    "rejects the malformed cursor %p with BAD_USER_INPUT",
    (cursor) => {
      expect(() => toPageRequest({ first: 10, after: cursor || "%%" })).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, argumentName: "after" }),
        }),
      );
    },
  );
});

describe("toPageRequest", () => {
  it("accepts 0 to the maximum", () => {
    expect(toPageRequest({ first: 0 }).first).toBe(0);
    expect(toPageRequest({ first: MAX_PAGE_SIZE }).first).toBe(MAX_PAGE_SIZE);
  });

  it.each([-1, MAX_PAGE_SIZE + 1, 1000])("rejects first=%p with a message naming the limit", (first) => {
    expect(() => toPageRequest({ first })).toThrow(`"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${first})`);
  });
});
