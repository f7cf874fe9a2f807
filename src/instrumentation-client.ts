// Runs in the browser before the app's own code (Next's instrumentation-client).
// zod checks once whether it may compile object parsers with `new Function`; the
// Content-Security-Policy forbids eval, and although zod catches the refusal, the browser still
// reports a violation. `jitless` skips that probe: parsing is the same, only not compiled
// (ADR 0012). The server is not under a CSP and keeps the compiled parsers.
//
// zod keeps its settings in this global and adopts an existing one when it loads (what
// `z.config()` returns; tests/unit/schemas/browser-schemas.test.ts holds zod to that). Setting it
// here instead of calling `config()` keeps zod out of every page's first load: the schemas arrive
// later, in their own chunk (src/lib/load-schemas.ts, ADR 0020).
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };
