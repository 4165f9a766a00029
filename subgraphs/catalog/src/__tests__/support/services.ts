let created = 0;

/** A fresh code for every service a test creates, so that tests do not see each other's changes. */
export const nextServiceCode = () => `TEST_SERVICE_${++created}`;

/** A valid `CreateServiceInput` with a fresh code (a PIPELINE service unless `input` says otherwise). */
export const newServiceInput = (input: Record<string, unknown> = {}) => ({
  code: nextServiceCode(),
  name: "Test Service",
  description: "A service made by a test.",
  category: "Test Services",
  type: "SUPPORTING",
  criticality: "MEDIUM",
  owner: "Test Team",
  monthlyCost: { amount: "1250.00", currency: "EUR" },
  ...input,
});
