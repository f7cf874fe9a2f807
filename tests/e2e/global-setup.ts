import fs from "node:fs";
import { CLAIMS_DIR } from "./citizens";

/** Every run hands out citizens afresh (those with an account in a kept database are passed over). */
export default function globalSetup(): void {
  fs.rmSync(CLAIMS_DIR, { recursive: true, force: true });
}
