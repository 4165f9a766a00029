import { NamedLockAcquisitions1797000000000 } from "@itsm/kit";
import { Initial1796514002233 } from "./1796514002233-initial.migration";
import { IncidentClocks1796600000000 } from "./1796600000000-incident-clocks.migration";
import { TargetFigures1796700000000 } from "./1796700000000-target-figures.migration";
import { TargetFigureCounts1797100000000 } from "./1797100000000-target-figure-counts.migration";

/** The operations subgraph's MySQL/MariaDB migrations, oldest first (scripts/db.mjs generate adds new ones last). */
export const operationsMigrations = [
  Initial1796514002233,
  IncidentClocks1796600000000,
  TargetFigures1796700000000,
  NamedLockAcquisitions1797000000000,
  TargetFigureCounts1797100000000,
];
