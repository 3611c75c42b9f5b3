import { defineConfig } from "vitest/config";
import e2e from "./vitest.e2e.config";

/* `npm run screenshots`: the README's pictures (docs/screenshots.shoot.ts), set up as the browser tests are. */
export default defineConfig({ test: { ...e2e.test, name: "screenshots", include: ["docs/screenshots.shoot.ts"] } });
