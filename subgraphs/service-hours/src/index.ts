// Service hours: calendars in a time zone, the instants they cover, clocks and periods (Luxon).
export * from "./calendar.model";
export * from "./calendar.rules";
export * from "./interval";
export * from "./period";
export * from "./service-hours";
