import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Contact } from "../contacts/contact.entity";
import { AddContactInput, RemoveContactInput } from "../contacts/contact.inputs";
import type { CustomersContext } from "../customers.context";
import { Customer } from "./customer.entity";
import type { SelectedCustomer } from "./customer.service";
import { CreateCustomerInput, CustomerFilter, SetCustomerStatusInput, UpdateCustomerInput } from "./customer.inputs";

const CustomerConnection = connectionType(Customer, "Customer", "customers");

const ROLE_ORDER = ["BUSINESS_OWNER", "SERVICE_DESK", "ESCALATION", "BILLING", "TECHNICAL"];

@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized()
  @Query(() => Customer, { nullable: true, description: "The customer with this id; NOT_FOUND if there is none." })
  customer(@Arg("id", () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<SelectedCustomer> {
    return loadRequired(ctx.loaders.selectedCustomerById, "Customer", id);
  }

  @Authorized()
  @Query(() => Customer, {
    nullable: true,
    description: 'The customer with this code, e.g. "ACME_RETAIL"; NOT_FOUND if there is none.',
  })
  customerByCode(@Arg("code") code: string, @Ctx() ctx: CustomersContext): Promise<Customer> {
    return loadRequired(ctx.loaders.customerByCode, "Customer", code);
  }

  @Authorized()
  @Query(() => CustomerConnection, {
    nullable: true,
    description: "All customers, ordered by code, one page at a time. Null only when an error says why.",
  })
  customers(
    @Args() page: PageArgs,
    @Arg("filter", () => CustomerFilter, { nullable: true, description: "Criteria the customers must meet." })
    filter: CustomerFilter | null,
    @Ctx() ctx: CustomersContext,
  ) {
    return ctx.customers.list(filter, toPageRequest(page), ctx.customerScope);
  }

  // Personal data: signed-in only, even should a Customer ever reach an anonymous caller.
  @Authorized()
  @FieldResolver(() => [Contact], {
    description: "The people the provider deals with at this customer, by role then name.",
  })
  async contacts(@Root() customer: Customer, @Ctx() { loaders }: CustomersContext): Promise<Contact[]> {
    const contacts = await loaders.contactsByCustomer.load(customer.id);
    return [...contacts].sort(
      (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name),
    );
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], {
    description: "Every change to the customer and its contacts, newest first: who, when, what.",
  })
  history(@Root() customer: Customer, @Ctx() { loaders }: CustomersContext): Promise<HistoryEntry[]> {
    return loaders.customerHistory.load(customer.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => Customer, {
    description: "Adds a customer (ACTIVE unless INACTIVE is given), with its first contacts.",
  })
  createCustomer(@Arg("input") input: CreateCustomerInput, @Ctx() ctx: CustomersContext): Promise<Customer> {
    return ctx.customerCommands.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Customer, { description: "Changes a customer's name, description or kind; its code never changes." })
  updateCustomer(@Arg("input") input: UpdateCustomerInput, @Ctx() ctx: CustomersContext): Promise<Customer> {
    return ctx.customerCommands.update(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Customer, {
    description: "Activates or deactivates a customer. A customer party to an ACTIVE agreement cannot be deactivated.",
  })
  setCustomerStatus(@Arg("input") input: SetCustomerStatusInput, @Ctx() ctx: CustomersContext): Promise<Customer> {
    return ctx.customerCommands.setStatus(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Customer, {
    description: "Adds a contact to an ACTIVE customer; the same e-mail can hold each role once per customer.",
  })
  addContact(@Arg("input") input: AddContactInput, @Ctx() ctx: CustomersContext): Promise<Customer> {
    return ctx.contactCommands.add(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Customer, { description: "Removes a contact from its customer and returns the customer." })
  removeContact(@Arg("input") input: RemoveContactInput, @Ctx() ctx: CustomersContext): Promise<Customer> {
    return ctx.contactCommands.remove(input, ctx.identity);
  }
}
