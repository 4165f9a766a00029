// The gateway serves the explorer's pages and bundle (routes.ts). The other files of this folder
// are pure functions the browser bundle (gateway/explorer/) imports: tabulating a result, CSV, the
// dashboard's months and cells. They are unit-tested here and never loaded by the server.
export type { Routes } from "./routes";
export { EXPLORER_ASSETS_PATH, explorerRoutes, prefersHtml } from "./routes";
