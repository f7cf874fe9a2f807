// Runs in the browser before the app's own code (Next's instrumentation-client).
// zod checks once whether it may compile object parsers with `new Function`; the
// Content-Security-Policy forbids eval, and although zod catches the refusal, the browser still
// reports a violation. `jitless` skips that probe: parsing is the same, only not compiled
// (ADR 0012). The server is not under a CSP and keeps the compiled parsers.
import { config } from "zod";

config({ jitless: true });
