// The sample data the graph is seeded with: expectations are derived from it, not hard-coded.
export { sampleAgreements } from "@itsm/agreements/dist/sample/agreements.sample";
export { daysFrom } from "@itsm/agreements/dist/sample/agreements.seed";
export { sampleComponents, sampleServices } from "@itsm/catalog/dist/sample/catalog.sample";
export { sampleCustomers, sampleProviders } from "@itsm/customers/dist/sample/customers.sample";
