import { composed, ExpectedVersionField, IdField, TextField } from "@itsm/kit";
import { IsEmail, IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import type { ContactAddition, ContactRemoval, NewContact } from "./contact.commands";
import { ContactRole } from "./contact.enums";

// Contacts have no counter of their own: a change to one is a change to its customer, so the optional
// `expectedVersion` here is the customer's (the expectedVersion rule, see customer.inputs.ts).

/**
 * A telephone number in international format: "+", a country code and the number, up to 15 digits
 * in all (E.164), optionally grouped by single spaces or hyphens, e.g. "+49 69 1234 5678".
 */
export const PHONE_PATTERN = /^\+[1-9](?:[ -]?\d){6,14}$/;
export const PHONE_MESSAGE =
  '$property must be an international number: "+", the country code and the number, 7 to 15 digits optionally grouped by single spaces or hyphens, e.g. "+49 69 1234 5678"';

const PHONE_DESCRIPTION = 'Telephone number in international format, e.g. "+49 69 1234 5678".';
const EMAIL_MESSAGE = "$property must be an e-mail address, e.g. jane.doe@example.com";

/** What identifies a contact within its customer: the same person (e-mail) once per role. */
export const contactKey = (contact: { email: string; role: ContactRole }) =>
  `${contact.email.toLowerCase()} ${contact.role}`;

/** A contact's e-mail address (at most 254 characters, the longest an address can be). */
const EmailField = () =>
  composed(
    Field(() => String, { description: "E-mail address; the same person can hold each role once per customer." }),
    IsEmail({}, { message: EMAIL_MESSAGE }),
    MaxLength(254),
  );

/** A contact's role. */
const RoleField = () => Field(() => ContactRole, { description: "The role this person plays for the customer." });

/** A contact's optional telephone number. */
const PhoneField = () =>
  composed(
    Field(() => String, { nullable: true, description: PHONE_DESCRIPTION }),
    IsOptional(),
    Matches(PHONE_PATTERN, { message: PHONE_MESSAGE }),
  );

/** A person at a customer, as a client sends it. */
@InputType({ description: "A person at a customer the provider deals with, in one role." })
export class NewContactInput implements NewContact {
  @TextField("Full name, 2–200 characters.", 2, 200)
  name: string;

  @EmailField()
  email: string;

  @RoleField()
  role: ContactRole;

  @PhoneField()
  phone?: string | null;
}

/** A new contact for an existing customer. */
@InputType({ description: "A new contact for an ACTIVE customer." })
export class AddContactInput implements NewContactInput, ContactAddition {
  @IdField("The customer the person works for.")
  customerId: string;

  @ExpectedVersionField({ optional: true, description: "The customer's version you last read; checked when given." })
  expectedVersion?: number | null;

  @TextField("Full name, 2–200 characters.", 2, 200)
  name: string;

  @EmailField()
  email: string;

  @RoleField()
  role: ContactRole;

  @PhoneField()
  phone?: string | null;
}

/** Removes a contact from its customer. */
@InputType({ description: "Removes a contact from its customer." })
export class RemoveContactInput implements ContactRemoval {
  @IdField("The contact to remove.")
  contactId: string;

  @ExpectedVersionField({ optional: true, description: "The customer's version you last read; checked when given." })
  expectedVersion?: number | null;
}
