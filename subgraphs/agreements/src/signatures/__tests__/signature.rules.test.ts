import { partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { Party } from "../../responsibilities/responsibility.enums";
import { signingRefusal } from "../signature.rules";

describe("signingRefusal: who may sign for which party", () => {
  const partner = partnerIdentity("ACME");
  it("lets writers sign for the provider and record any customer's signature", () => {
    for (const writer of [TEST_IDENTITIES.editor, TEST_IDENTITIES.admin]) {
      expect(signingRefusal(writer, Party.PROVIDER, undefined, [])).toBeNull();
      expect(signingRefusal(writer, Party.CUSTOMER, "anyone", [])).toBeNull();
    }
  });

  it("lets a partner sign for the customers it acts for only, never for the provider", () => {
    expect(signingRefusal(partner, Party.CUSTOMER, undefined, ["acme"])).toBeNull();
    expect(signingRefusal(partner, Party.CUSTOMER, "acme", ["acme"])).toBeNull();
    expect(signingRefusal(partner, Party.CUSTOMER, "globex", ["acme"])).toMatch(/own customers only/);
    expect(signingRefusal(partner, Party.PROVIDER, undefined, ["acme"])).toMatch(/never for the provider/);
  });

  it("lets analysts and anonymous callers sign nothing", () => {
    for (const reader of [TEST_IDENTITIES.analyst, TEST_IDENTITIES.anonymous]) {
      expect(signingRefusal(reader, Party.CUSTOMER, undefined, [])).toMatch(/may not sign/);
      expect(signingRefusal(reader, Party.PROVIDER, undefined, [])).toMatch(/may not sign/);
    }
  });
});
