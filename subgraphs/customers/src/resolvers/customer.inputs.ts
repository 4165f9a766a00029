import { CODE_MESSAGE, CODE_PATTERN } from "@itsm/kit";
import type { ValidationArguments, ValidationOptions } from "class-validator";
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ContactRole, CustomerKind, CustomerStatus } from "../entities";

@InputType({ description: "Criteria for `customers`; all given criteria must match." })
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: "Text contained in the code or name (case-insensitive)." })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "Only these customer codes." })
  codes?: string[] | null;

  @Field(() => [CustomerKind], { nullable: true, description: "Only customers of any of these kinds." })
  kind?: CustomerKind[] | null;

  @Field(() => [CustomerStatus], { nullable: true, description: "Only customers in any of these statuses." })
  status?: CustomerStatus[] | null;
}

/**
 * A telephone number in international format: "+", a country code and the number, up to 15 digits
 * in all (E.164), optionally grouped by single spaces or hyphens, e.g. "+49 69 1234 5678".
 */
export const PHONE_PATTERN = /^\+[1-9](?:[ -]?\d){6,14}$/;
export const PHONE_MESSAGE =
  '$property must be an international number: "+", the country code and the number, 7 to 15 digits optionally grouped by single spaces or hyphens, e.g. "+49 69 1234 5678"';

const PHONE_DESCRIPTION = 'Telephone number in international format, e.g. "+49 69 1234 5678".';
const EMAIL_MESSAGE = "$property must be an e-mail address, e.g. jane.doe@example.com";

/** At most this many contacts can come with a new customer. */
export const MAX_INITIAL_CONTACTS = 50;

/** What identifies a contact within its customer: the same person (e-mail) once per role. */
export const contactKey = (contact: { email: string; role: ContactRole }) =>
  `${contact.email.toLowerCase()} ${contact.role}`;

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

/** A person at a customer, as a client sends it. */
@InputType({ description: "A person at a customer the provider deals with, in one role." })
export class NewContactInput {
  @Field({ description: "Full name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field({ description: "E-mail address; the same person can hold each role once per customer." })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @Field(() => ContactRole, { description: "The role this person plays for the customer." })
  role: ContactRole;

  @Field(() => String, { nullable: true, description: PHONE_DESCRIPTION })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
}

/** A new customer, possibly with its first contacts. */
@InputType({ description: "A new customer, optionally with its first contacts." })
export class CreateCustomerInput {
  @Field({ description: 'Unique code, e.g. "ACME_RETAIL": 2–32 upper-case letters, digits or _; cannot change later.' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @Field({ description: "Display name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field({ description: "Who the customer is, up to 4000 characters." })
  @Length(1, 4000)
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
export class UpdateCustomerInput {
  @Field(() => ID, { description: "The customer to change." })
  id: string;

  @Field(() => Int, { description: "The version you last read; a newer one makes this a CONFLICT." })
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: "Display name, 2–200 characters." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: "Who the customer is, up to 4000 characters." })
  @IsOptional()
  @Length(1, 4000)
  description?: string;

  @Field(() => CustomerKind, { nullable: true, description: "Internal business unit or external organisation." })
  @IsOptional()
  kind?: CustomerKind;
}

/** Activates or deactivates a customer. */
@InputType({
  description: "Activates or deactivates a customer; one party to an ACTIVE agreement cannot be deactivated.",
})
export class SetCustomerStatusInput {
  @Field(() => ID, { description: "The customer." })
  id: string;

  @Field(() => CustomerStatus, { description: "The new status; it must differ from the current one." })
  status: CustomerStatus;

  @Field(() => Int, { description: "The version you last read; a newer one makes this a CONFLICT." })
  @Min(1)
  expectedVersion: number;
}

/** A new contact for an existing customer. */
@InputType({ description: "A new contact for an ACTIVE customer." })
export class AddContactInput implements NewContactInput {
  @Field(() => ID, { description: "The customer the person works for." })
  customerId: string;

  @Field(() => Int, { nullable: true, description: "The customer's version you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedVersion?: number | null;

  @Field({ description: "Full name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field({ description: "E-mail address; the same person can hold each role once per customer." })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @Field(() => ContactRole, { description: "The role this person plays for the customer." })
  role: ContactRole;

  @Field(() => String, { nullable: true, description: PHONE_DESCRIPTION })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
}

/** Removes a contact from its customer. */
@InputType({ description: "Removes a contact from its customer." })
export class RemoveContactInput {
  @Field(() => ID, { description: "The contact to remove." })
  contactId: string;

  @Field(() => Int, { nullable: true, description: "The customer's version you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedVersion?: number | null;
}
