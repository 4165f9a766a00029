import { TEST_INTERNAL_SECRET } from "@itsm/kit";

// Every process a test file starts (gateway, subgraphs) shares this file's internal secret, and the
// file signs its direct subgraph requests with it; set per file, as each file has its own modules.
process.env.INTERNAL_AUTH_SECRET = TEST_INTERNAL_SECRET;
