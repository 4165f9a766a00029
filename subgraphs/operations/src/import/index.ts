// The pure part of `npm run import` (scripts/import.mjs): reading CSV/JSON files, checking rows,
// building the record mutation's input. No GraphQL server, no database: the script imports it built.
export * from "./csv.reader";
export * from "./json.reader";
export * from "./import.rules";
