import { CodeField, DescriptionField, ExpectedVersionField, IdField, NameField } from "@itsm/kit";
import type { ValidationArguments, ValidationOptions } from "class-validator";
import { ArrayMaxSize, ArrayUnique, IsOptional, registerDecorator, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { contactKey, NewContactInput } from "../contacts/contact.inputs";
import type { CustomerChanges, NewCustomer, StatusChange } from "./customer.commands";
import { CustomerKind, CustomerStatus } from "./customer.enums";
import type { CustomerCriteria } from "./customer.filters";

// The expectedVersion rule: every mutable record has a change counter, and an update input names the one it
// compares as `expected<Counter>` — `version` here, so `expectedVersion` (an agreement's is `revision`).

@InputType({ description: "Criteria for `customers`; all given criteria must match." })
export class CustomerFilter implements CustomerCriteria {
  @Field(() => String, { nullable: true, description: "Text contained in the code or name (case-insensitive)." })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "Only these customer codes." })
  codes?: string[] | null;

  @Field(() => [CustomerKind], { nullable: true, description: "Only customers of any of these kinds." })
  kind?: CustomerKind[] | null;

  @Field(() => [CustomerStatus], { nullable: true, description: "Only customers in any of these statuses." })
  status?: CustomerStatus[] | null;
}

/** At most this many contacts can come with a new customer. */
export const MAX_INITIAL_CONTACTS = 50;

/** The decorated list must be empty (or absent) when `otherField` has the value `value`. */
function IsEmptyWhen(otherField: string, value: unknown, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isEmptyWhen",
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherField, value],
      options: { message: `$property must be empty when ${otherField} is ${String(value)}`, ...options },
      validator: {
        validate(list: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherField];
          return other !== value || !Array.isArray(list) || list.length === 0;
        },
      },
    });
}

/** A new customer, possibly with its first contacts. */
@InputType({ description: "A new customer, optionally with its first contacts." })
export class CreateCustomerInput implements NewCustomer {
  @CodeField("ACME_RETAIL")
  code: string;

  @NameField()
  name: string;

  @DescriptionField("Who the customer is")
  description: string;

  @Field(() => CustomerKind, { description: "Internal business unit or external organisation." })
  kind: CustomerKind;

  @Field(() => CustomerStatus, {
    defaultValue: CustomerStatus.ACTIVE,
    description: "ACTIVE (default), or INACTIVE to record a former customer (which then has no contacts).",
  })
  status: CustomerStatus;

  @Field(() => [NewContactInput], {
    nullable: true,
    description: `The customer's first contacts, at most ${MAX_INITIAL_CONTACTS}; each e-mail once per role.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_INITIAL_CONTACTS)
  @ArrayUnique(contactKey, { message: "$property must not list the same e-mail in the same role twice" })
  @IsEmptyWhen("status", CustomerStatus.INACTIVE, {
    message: "$property must be empty for an INACTIVE customer: only active customers have new contacts",
  })
  @ValidateNested()
  contacts?: NewContactInput[] | null;
}

/** Changes to a customer's descriptive fields; omitted fields keep their value. */
@InputType({ description: "Changes to a customer; omitted fields keep their value. The code never changes." })
export class UpdateCustomerInput implements CustomerChanges {
  @IdField("The customer to change.")
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @NameField({ optional: true })
  name?: string;

  @DescriptionField("Who the customer is", { optional: true })
  description?: string;

  @Field(() => CustomerKind, { nullable: true, description: "Internal business unit or external organisation." })
  @IsOptional()
  kind?: CustomerKind;
}

/** Activates or deactivates a customer. */
@InputType({
  description: "Activates or deactivates a customer; one party to an ACTIVE agreement cannot be deactivated.",
})
export class SetCustomerStatusInput implements StatusChange {
  @IdField("The customer.")
  id: string;

  @Field(() => CustomerStatus, { description: "The new status; it must differ from the current one." })
  status: CustomerStatus;

  @ExpectedVersionField()
  expectedVersion: number;
}
