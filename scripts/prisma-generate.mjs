#!/usr/bin/env node
// Generates the Prisma client offline. The CLI insists on locating a schema engine binary even
// though `generate` does not use it; pointing it at any existing file skips the download
// (../shared/TOOLCHAIN.md). The client itself runs on driver adapters, with no native engine.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
