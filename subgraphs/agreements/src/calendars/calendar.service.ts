import type { Page, PageRequest } from "@itsm/kit";
import { alignByKey, paginate } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { ServiceCalendar } from "./calendar.entity";
import type { CalendarCriteria } from "./calendar.filters";
import { BY_CODE, whereMatches } from "./calendar.filters";

/** Reads service calendars; they are not confidential, so there is no row scope. */
export class CalendarService {
  constructor(private readonly dataSource: DataSource) {}

  private get calendars() {
    return this.dataSource.getRepository(ServiceCalendar);
  }

  /** The calendars with these ids, aligned with them; null where there is none. */
  async byIds(ids: readonly string[]): Promise<(ServiceCalendar | null)[]> {
    return alignByKey(ids, await this.calendars.findBy({ id: In([...ids]) }), (c) => c.id);
  }

  /** The calendars with these codes, aligned with them; null where there is none. */
  async byCodes(codes: readonly string[]): Promise<(ServiceCalendar | null)[]> {
    return alignByKey(codes, await this.calendars.findBy({ code: In([...codes]) }), (c) => c.code);
  }

  /** A page of the calendars that meet the criteria, ordered by code. */
  list(criteria: CalendarCriteria | null | undefined, page: PageRequest): Promise<Page<ServiceCalendar>> {
    const query = this.calendars.createQueryBuilder("calendar");
    whereMatches(query, criteria);
    return paginate(query, page, BY_CODE);
  }
}
