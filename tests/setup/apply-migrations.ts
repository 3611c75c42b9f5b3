import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Storage is isolated per test file: each file starts from the migrated, empty database and builds
// the data its tests need (tests/helpers/fixtures.ts). Applying is idempotent across setup runs.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
