import { Field, ID, InputType } from "type-graphql";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { UnderpinningLink } from "./underpinning.commands";

@InputType({
  description:
    "An OLA or underpinning contract and the SLA it underpins (or a contract and the OLA it underpins), to link or unlink; one of the two must be a DRAFT.",
})
export class AgreementUnderpinningInput implements UnderpinningLink {
  @Field(() => ID, { description: "The SLA (or OLA) that is (or was) underpinned." })
  agreementId: string;

  @Field(() => ID, { description: "The OLA or underpinning contract that underpins (or underpinned) it." })
  underpinningId: string;

  @ExpectedRevision({ description: "The underpinned agreement's revision you last read; checked when given." })
  expectedRevision?: number | null;
}
