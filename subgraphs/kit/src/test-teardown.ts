import { dropTestDatabases } from "./testing";

/** Jest global teardown: removes the databases the MariaDB run of the suite created. */
export default async function teardown(): Promise<void> {
  await dropTestDatabases();
}
