import { connectionType, NotFoundError, PageArgs, toPageRequest } from "@itsm/kit";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Contact, Customer } from "../entities";
import type { CustomersContext } from "../services/customers.context";
import { CustomerFilter } from "./customer.inputs";

const CustomerConnection = connectionType(Customer, "Customer", "customers");

const ROLE_ORDER = ["BUSINESS_OWNER", "SERVICE_DESK", "ESCALATION", "BILLING", "TECHNICAL"];

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: "The customer with this id; NOT_FOUND if there is none." })
  async customer(@Arg("id", () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<Customer> {
    const customer = await ctx.loaders.customerById.load(id);
    if (!customer) throw new NotFoundError("Customer", id);
    return customer;
  }

  @Query(() => Customer, {
    nullable: true,
    description: 'The customer with this code, e.g. "ACME_RETAIL"; NOT_FOUND if there is none.',
  })
  async customerByCode(@Arg("code") code: string, @Ctx() ctx: CustomersContext): Promise<Customer> {
    const customer = await ctx.loaders.customerByCode.load(code);
    if (!customer) throw new NotFoundError("Customer", code);
    return customer;
  }

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
    return ctx.customers.list(filter, toPageRequest(page));
  }

  @FieldResolver(() => [Contact], {
    description: "The people the provider deals with at this customer, by role then name.",
  })
  async contacts(@Root() customer: Customer, @Ctx() { loaders }: CustomersContext): Promise<Contact[]> {
    const contacts = await loaders.contactsByCustomer.load(customer.id);
    return [...contacts].sort(
      (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name),
    );
  }
}
