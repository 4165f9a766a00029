import type { Identity } from "@itsm/kit";
import { dataOf, ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { AgreementsHarness, failure, invalidPaths } from "../../__tests__/support/agreements";
import { sampleCalendars } from "../../sample/calendars.sample";

const t = new AgreementsHarness();

const CALENDAR = "id code name timeZone windows { days from to } holidays version";
const CREATE = `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { ${CALENDAR} history { action version changes { field } } } }`;
const UPDATE = `mutation ($input: UpdateCalendarInput!) { updateCalendar(input: $input) { ${CALENDAR} history { action version changes { field } } } }`;

interface CalendarView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  windows: { days: string[]; from: string; to: string }[];
  holidays: string[];
  version: number;
  history: { action: string; version: number; changes: { field: string }[] }[];
}

let counter = 0;
const calendarInput = (extra: Record<string, unknown> = {}) => ({
  code: `TEST-CAL-${++counter}`,
  name: "Calendar under test",
  timeZone: "Europe/Berlin",
  windows: [{ days: ["MON", "TUE", "WED", "THU", "FRI"], from: "08:00", to: "18:00" }],
  holidays: ["2026-12-26", "2026-12-25"],
  ...extra,
});

const create = (input: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.editor) =>
  t.server.execute(CREATE, { input }, identity);
const update = (input: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.editor) =>
  t.server.execute(UPDATE, { input }, identity);

async function created(extra: Record<string, unknown> = {}): Promise<CalendarView> {
  return dataOf(await create(calendarInput(extra)), "createCalendar");
}

describe("createCalendar", () => {
  it("creates a calendar at version 1, holidays in date order, audited", async () => {
    const input = calendarInput({ windows: [{ days: ["SAT", "SUN"], from: "10:00", to: "24:00" }] });
    const result = await create(input);
    expect(dataOf(result, "createCalendar")).toMatchObject({
      code: input.code,
      name: "Calendar under test",
      timeZone: "Europe/Berlin",
      windows: [{ days: ["SAT", "SUN"], from: "10:00", to: "24:00" }],
      holidays: ["2026-12-25", "2026-12-26"],
      version: 1,
      history: [{ action: "created", version: 1 }],
    });
  });

  it.each([
    ["an unknown time zone", { timeZone: "Europe/Springfield" }, ["input.timeZone"]],
    ["no window", { windows: [] }, ["input.windows"]],
    ["a window without days", { windows: [{ days: [], from: "08:00", to: "18:00" }] }, ["input.windows.0.days"]],
    [
      "malformed times",
      { windows: [{ days: ["MON"], from: "8:00", to: "24:30" }] },
      ["input.windows.0.from", "input.windows.0.to"],
    ],
    [
      "a window starting at 24:00",
      { windows: [{ days: ["MON"], from: "24:00", to: "24:00" }] },
      ["input.windows.0.from"],
    ],
    [
      "a window ending before it starts",
      { windows: [{ days: ["MON"], from: "18:00", to: "08:00" }] },
      ["input.windows.0.to"],
    ],
    [
      "overlapping windows",
      {
        windows: [
          { days: ["MON", "TUE"], from: "08:00", to: "18:00" },
          { days: ["TUE"], from: "17:00", to: "20:00" },
        ],
      },
      ["input.windows.1"],
    ],
    [
      "a day listed twice",
      { windows: [{ days: ["MON", "MON"], from: "08:00", to: "18:00" }] },
      ["input.windows.0.days.1"],
    ],
    ["a holiday listed twice", { holidays: ["2026-12-25", "2026-12-25"] }, ["input.holidays.1"]],
    ["a code that is not a code", { code: "not a code" }, ["input.code"]],
  ])("refuses %s (BAD_USER_INPUT naming the field), writing nothing", async (_, extra, paths) => {
    const before = await t.snapshot();
    expect(invalidPaths(await create(calendarInput(extra)))).toEqual(paths);
    expect(await t.snapshot()).toEqual(before);
  });

  it("refuses a holiday that is not a date", async () => {
    const result = await create(calendarInput({ holidays: ["2026-02-30"] }));
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a code in use with CONFLICT", async () => {
    const first = await created();
    failure(await create(calendarInput({ code: first.code })), "CONFLICT");
  });
});

describe("updateCalendar", () => {
  it("changes what is given, bumps the version and records the change", async () => {
    const calendar = await created();
    const result = await update({
      id: calendar.id,
      expectedVersion: 1,
      timeZone: "Europe/London",
      windows: [{ days: ["MON"], from: "00:00", to: "24:00" }],
    });
    expect(dataOf(result, "updateCalendar")).toMatchObject({
      name: calendar.name,
      timeZone: "Europe/London",
      windows: [{ days: ["MON"], from: "00:00", to: "24:00" }],
      holidays: calendar.holidays,
      version: 2,
      history: [
        { action: "updated", version: 2, changes: [{ field: "timeZone" }, { field: "windows" }] },
        { action: "created", version: 1 },
      ],
    });
  });

  it("validates the calendar as it would become, with the input's paths", async () => {
    const calendar = await created();
    expect(invalidPaths(await update({ id: calendar.id, expectedVersion: 1, timeZone: "Mars/Olympus" }))).toEqual([
      "input.timeZone",
    ]);
    expect(
      invalidPaths(
        await update({ id: calendar.id, expectedVersion: 1, windows: [{ days: ["MON"], from: "09:00", to: "09:00" }] }),
      ),
    ).toEqual(["input.windows.0.to"]);
  });

  it("answers CONFLICT to a stale version and NOT_FOUND to an unknown calendar", async () => {
    const calendar = await created();
    await update({ id: calendar.id, expectedVersion: 1, name: "Renamed" });
    failure(await update({ id: calendar.id, expectedVersion: 1, name: "Again" }), "CONFLICT");
    failure(await update({ id: "no-such-calendar", expectedVersion: 1, name: "Renamed" }), "NOT_FOUND");
  });
});

describe("reading calendars", () => {
  const LIST = `query ($filter: CalendarFilter, $first: Int, $after: String) {
    calendars(filter: $filter, first: $first, after: $after) {
      totalCount nodes { code } edges { cursor node { code } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it("lists calendars by code, filtered and paged", async () => {
    const berlin = sampleCalendars.filter((c) => c.timeZone === "Europe/Berlin").map((c) => c.code);
    const filter = { codes: ["EXTENDED-NL", ...berlin, "NO-SUCH"], timeZone: "Europe/Berlin" };
    const first = await t.query(LIST, { filter, first: 3 });
    expect(first.errors).toBeUndefined();
    const page = first.data?.calendars as {
      totalCount: number;
      nodes: { code: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(page.totalCount).toBe(berlin.length);
    expect(page.nodes.map((n) => n.code)).toEqual([...berlin].sort().slice(0, 3));
    const rest = await t.query(LIST, { filter, first: 100, after: page.pageInfo.endCursor });
    expect((rest.data?.calendars as { nodes: { code: string }[] }).nodes.map((n) => n.code)).toEqual(
      [...berlin].sort().slice(3),
    );
  });

  it("lets partners read calendars by id and code, but not their history or changes", async () => {
    const partner = partnerIdentity("ACME_RETAIL");
    const byCode = await t.server.execute(`{ calendarByCode(code: "24X7-CET") { ${CALENDAR} } }`, {}, partner);
    expect(byCode.errors).toBeUndefined();
    const calendar = byCode.data?.calendarByCode as CalendarView;
    expect(calendar).toMatchObject({ code: "24X7-CET", timeZone: "Europe/Berlin", holidays: [] });
    const byId = await t.server.execute(
      `query ($id: ID!) { calendar(id: $id) { code } }`,
      { id: calendar.id },
      partner,
    );
    expect(byId.data?.calendar).toEqual({ code: "24X7-CET" });
    const history = await t.server.execute(`{ calendarByCode(code: "24X7-CET") { history { action } } }`, {}, partner);
    expect(history.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    failure(await create(calendarInput(), partner), "FORBIDDEN");
    failure(await create(calendarInput(), TEST_IDENTITIES.analyst), "FORBIDDEN");
  });

  it("asks anonymous callers to sign in, and answers NOT_FOUND to an unknown code", async () => {
    const anonymous = await t.server.execute(`{ calendars { totalCount } }`, {}, TEST_IDENTITIES.anonymous);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    failure(await create(calendarInput(), TEST_IDENTITIES.anonymous), "UNAUTHENTICATED");
    const missing = await t.query(`{ calendarByCode(code: "NO-SUCH") { code } }`);
    expect(missing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("resolves ServiceCalendar entities for signed-in callers, partners included; nothing for anonymous ones", async () => {
    const calendar = await created();
    const representations = [
      { __typename: "ServiceCalendar", id: calendar.id },
      { __typename: "ServiceCalendar", id: "no-such-calendar" },
    ];
    const query = ENTITIES_QUERY("ServiceCalendar", "code timeZone");
    for (const identity of [TEST_IDENTITIES.analyst, partnerIdentity("ACME_RETAIL")]) {
      const result = await t.server.execute(query, { representations }, identity);
      expect(dataOf(result, "_entities")).toEqual([{ code: calendar.code, timeZone: "Europe/Berlin" }, null]);
    }
    const anonymous = await t.server.execute(query, { representations }, TEST_IDENTITIES.anonymous);
    expect(anonymous.data?._entities).toEqual([null, null]);
  });
});
