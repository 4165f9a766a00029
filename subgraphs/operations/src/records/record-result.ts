import { Field, Int, ObjectType } from "type-graphql";

/** What one `record*` call did with the records it was sent. */
@ObjectType({
  description:
    "What a record mutation did: records are matched by `externalId`, so sending the same export again leaves them all unchanged.",
})
export class RecordResult {
  @Field(() => Int, { description: "Records whose `externalId` was new: created." })
  created: number;

  @Field(() => Int, { description: "Known records that differed from what was stored: updated." })
  updated: number;

  @Field(() => Int, { description: "Known records identical to what was stored: left as they were." })
  unchanged: number;
}

/** The most records one call may send: one transaction stays short, one request stays small. */
export const MAX_RECORDS_PER_CALL = 1000;
