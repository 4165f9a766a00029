import { Field, ID, ObjectType } from "type-graphql";
import { Column, PrimaryColumn } from "typeorm";

/**
 * Columns of a part of an agreement that has an id of its own (a target, a responsibility): the
 * part is removed by that id (`removePart`) and loaded per agreement, hence an index of each
 * part's table that begins with `agreementId` (declared by the part: what else it holds differs).
 */
@ObjectType()
export abstract class AgreementPart {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  agreementId: string;
}
