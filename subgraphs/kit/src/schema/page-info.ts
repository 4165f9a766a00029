import { Directive, Field, ObjectType } from "type-graphql";

/** Relay page information; identical in every subgraph, hence shareable. */
@Directive("@shareable")
@ObjectType({ description: "Where a page of a connection sits in the whole result set." })
export class PageInfo {
  @Field({ description: "Whether more items follow the last one of this page." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede the first one of this page." })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first item of this page; null when the page is empty.",
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after` to fetch the next page.",
  })
  endCursor: string | null;
}
