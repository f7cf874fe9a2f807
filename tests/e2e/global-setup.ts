import fs from "node:fs";
import { writeFaceY4m } from "../fixtures/faces";
import { CLAIMS_DIR } from "./citizens";

export default async function globalSetup(): Promise<void> {
  // Every run hands out citizens afresh (those with an account in a kept database are passed over).
  fs.rmSync(CLAIMS_DIR, { recursive: true, force: true });
  // What the fake camera plays (playwright.config.ts): a portrait, for the selfie's face check.
  await writeFaceY4m(process.env.E2E_FACE_CAMERA as string);
}
