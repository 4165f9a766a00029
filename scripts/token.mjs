// npm run token -- --role partner --customer CODE [--customer CODE2] [--subject S] [--expires 1h]
// Prints an HS256 development token the gateway that `npm start` runs accepts (same secret,
// issuer and audience); send it as `Authorization: Bearer <token>`.
import { parseArgs } from "node:util";
import { hs256Settings, ROLES, signToken } from "./dev-auth.mjs";

const usage = `usage: npm run token -- --role ${ROLES.join("|")} [--customer CODE …] [--subject S] [--expires 1h]`;
try {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      customer: { type: "string", multiple: true },
      subject: { type: "string" },
      expires: { type: "string", default: "1h" },
      help: { type: "boolean" },
    },
  });
  if (values.help || !values.role) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  if (!/^\d+\s*(s|sec|m|min|h|hr|d|day|w)s?$/i.test(values.expires)) {
    throw new Error(`--expires must be a duration such as 30m, 1h or 7d (got ${values.expires})`);
  }
  const customers = (values.customer ?? [])
    .flatMap((c) => c.split(","))
    .map((c) => c.trim())
    .filter(Boolean);
  const token = await signToken(hs256Settings(process.env), {
    role: values.role,
    customers,
    subject: values.subject,
    expires: values.expires,
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  console.error(`token: ${error.message}\n${usage}`);
  process.exit(2);
}
