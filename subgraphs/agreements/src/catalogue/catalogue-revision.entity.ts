import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The service level catalogue's change counter, in `CATALOGUE_REVISION_SLOTS` rows: every change to
 * an agreement (or its targets, coverage, parties) or a calendar adds 1 to one slot in its own
 * transaction (`bumpCatalogueRevision`), and the revision is the sum. Slots, not one row, so that
 * writes to different agreements on different Galera nodes rarely certify against the same row.
 */
@Entity("catalogue_revisions")
export class CatalogueRevisionSlot {
  @PrimaryColumn({ type: "int" })
  slot: number;

  /** Changes counted in this slot (only ever grows). */
  @Column({ type: "int" })
  changeCount: number;
}
