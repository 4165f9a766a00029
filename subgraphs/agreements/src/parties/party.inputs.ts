import { Field, ID, InputType } from "type-graphql";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { CustomerOfAgreement } from "./party.commands";

@InputType({ description: "Makes a customer party to a DRAFT SLA, or removes it." })
export class AgreementCustomerInput implements CustomerOfAgreement {
  @Field(() => ID, { description: "The SLA (must be DRAFT)." })
  agreementId: string;

  @Field(() => ID, {
    description: "The customer (the customers subgraph's Customer id); one being added must be ACTIVE.",
  })
  customerId: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}
