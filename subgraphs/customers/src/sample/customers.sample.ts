// Sample customers and providers of Northwind Group IT: five business units, three external companies, three providers.
// What `seed` loads and the end-to-end tests derive their expectations from.
export { sampleCustomers } from "./customer.samples";
export { sampleProviders } from "./provider.samples";
