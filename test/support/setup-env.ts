import { TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { TEST_AUTH } from "./graph";

// Every process a test file starts (gateway, subgraphs) shares this file's internal secret, and the
// file signs its direct subgraph requests with it; set per file, as each file has its own modules.
process.env.INTERNAL_AUTH_SECRET = TEST_INTERNAL_SECRET;
// Every gateway a test starts verifies the test identity provider's tokens (graph.ts `token`).
process.env.AUTH_HS256_SECRET = TEST_AUTH.secret;
process.env.AUTH_ISSUER = TEST_AUTH.issuer;
process.env.AUTH_AUDIENCE = TEST_AUTH.audience;
