import type { Identity, Transactor } from "@itsm/kit";
import {
  auditTrailOf,
  BadUserInputError,
  changesBetween,
  ConflictError,
  createWithUniqueCode,
  loadForChange,
  newId,
  providedFields,
  updateVersioned,
} from "@itsm/kit";
import type { Weekday as DayName } from "@itsm/service-hours";
import { bumpCatalogueRevision } from "../catalogue/catalogue.service";
import { ServiceCalendar } from "./calendar.entity";
import type { Weekday } from "./calendar.enums";
import { calendarInputProblems } from "./calendar.rules";

/** A weekly window as commands take it. */
export interface CalendarWindow {
  days: Weekday[];
  from: string;
  to: string;
}

/** A new service calendar. */
export interface NewCalendar {
  code: string;
  name: string;
  timeZone: string;
  windows: CalendarWindow[];
  holidays: string[];
}

/** Changes to a calendar; omitted fields keep their value. */
export interface CalendarEdit {
  id: string;
  expectedVersion: number;
  name?: string;
  timeZone?: string;
  windows?: CalendarWindow[];
  holidays?: string[];
}

/** The calendar fields its history records. */
const AUDITED: (keyof ServiceCalendar & string)[] = ["code", "name", "timeZone", "windows", "holidays"];
const EDITABLE: (keyof ServiceCalendar & string)[] = ["name", "timeZone", "windows", "holidays"];

const audit = auditTrailOf<ServiceCalendar>("ServiceCalendar", (c) => c.version);

/** The calendar as stored: windows with only their three fields, holidays in date order. */
function normalised<T extends { windows: CalendarWindow[]; holidays: string[] }>(calendar: T): T {
  return {
    ...calendar,
    windows: calendar.windows.map(({ days, from, to }) => ({ days: [...days], from, to })),
    holidays: [...calendar.holidays].sort(),
  };
}

/** Refuses a calendar the service-hours rules cannot compute with: BAD_USER_INPUT naming each field. */
function assertComputable(calendar: { timeZone: string; windows: CalendarWindow[]; holidays: string[] }): void {
  const problems = calendarInputProblems({ ...calendar, windows: calendar.windows.map(asModelWindow) });
  if (problems.length === 0) return;
  throw new BadUserInputError(`Invalid calendar: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, {
    fields: problems.map((p) => ({ path: `input.${p.path}`, messages: [p.message] })),
  });
}

// The GraphQL enum's values are the library's day names.
const asModelWindow = (window: CalendarWindow) => ({ ...window, days: window.days as DayName[] });

/** Creating and changing service calendars: each one transaction, version-checked, audited. */
export class CalendarCommands {
  constructor(private readonly transactor: Transactor) {}

  async create(input: NewCalendar, actor: Identity): Promise<ServiceCalendar> {
    assertComputable(input);
    // Holidays are validated before sorting, so problem paths point at the client's own list.
    const calendar = normalised(input);
    return createWithUniqueCode(this.transactor, ServiceCalendar, input.code, codeTaken, async (manager) => {
      const id = newId();
      await manager.insert(ServiceCalendar, {
        id,
        code: calendar.code,
        name: calendar.name,
        timeZone: calendar.timeZone,
        windows: calendar.windows,
        holidays: calendar.holidays,
      });
      await bumpCatalogueRevision(manager, id);
      const created = await manager.findOneByOrFail(ServiceCalendar, { id });
      await audit(manager, created, "created", actor, changesBetween(null, created, AUDITED));
      return created;
    });
  }

  update(input: CalendarEdit, actor: Identity): Promise<ServiceCalendar> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(
        manager,
        ServiceCalendar,
        "ServiceCalendar",
        input.id,
        input.expectedVersion,
        {
          lock: true,
        },
      );
      const next = { ...current, ...providedFields<ServiceCalendar>(input, EDITABLE) };
      assertComputable(next);
      const patch = providedFields<ServiceCalendar>(normalised(next), EDITABLE);
      const changes = changesBetween(current, { ...current, ...patch }, AUDITED);
      if (changes.length === 0) return current;
      const updated = await updateVersioned(manager, ServiceCalendar, "ServiceCalendar", current, patch);
      await bumpCatalogueRevision(manager, current.id);
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A calendar with code ${code} already exists`, { code });
}
