import { dropTestDatabases } from "./index";

/** Jest global teardown: removes the databases the MariaDB run of the suite created. */
export default async function teardown(): Promise<void> {
  await dropTestDatabases();
}
