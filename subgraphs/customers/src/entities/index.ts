import { writePathEntities } from "@itsm/kit";
import { Contact } from "./contact.entity";
import { Customer } from "./customer.entity";
import { Provider } from "./provider.entity";

export { Contact, Customer, Provider };
export * from "./customers.enums";

/** Every table of the customers database. */
export const customerEntities = [Customer, Contact, Provider, ...writePathEntities];
