// The sample IT service catalogue of Northwind Group: what `seed` loads and the end-to-end tests derive their expectations from.
export { sampleComponents } from "./component.samples";
export { sampleServices } from "./service.samples";
