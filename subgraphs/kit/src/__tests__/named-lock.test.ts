import { lockRowName } from "../write/named-lock";

describe("lock row names", () => {
  it("keeps names that fit the column and hashes longer ones (a client may send a huge id)", () => {
    expect(lockRowName("agreements:Customer:42")).toBe("agreements:Customer:42");
    const long = `agreements:Customer:${"x".repeat(112_000)}`;
    expect(lockRowName(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lockRowName(long).length).toBeLessThanOrEqual(120);
    expect(lockRowName(long)).not.toBe(lockRowName(`${long}y`));
  });
});
