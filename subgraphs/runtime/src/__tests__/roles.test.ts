import { ANONYMOUS, isStaff, ROLES, SIGNED_IN, STAFF, TOKEN_ROLES, WRITERS } from "../auth";

// Tests elsewhere may build their expectations from these groups, so their members are pinned here.
describe("the role groups", () => {
  it("are the roles the access policy names, most privileged first", () => {
    expect(ROLES).toEqual(["admin", "editor", "analyst", "partner", "anonymous"]);
    expect(TOKEN_ROLES).toEqual(["admin", "editor", "analyst", "partner"]);
    expect([...STAFF].sort()).toEqual(["admin", "analyst", "editor"]);
    expect([...WRITERS].sort()).toEqual(["admin", "editor"]);
    expect([...SIGNED_IN].sort()).toEqual(["admin", "analyst", "editor", "partner"]);
  });

  it("count staff as the roles that read everything", () => {
    expect(isStaff({ subject: "a", role: "analyst", customerCodes: [] })).toBe(true);
    expect(isStaff({ subject: "p", role: "partner", customerCodes: ["X"] })).toBe(false);
    expect(isStaff(ANONYMOUS)).toBe(false);
  });
});
