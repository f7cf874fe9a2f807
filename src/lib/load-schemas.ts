/**
 * The browser's copy of the shared schemas, loaded after the page instead of with it: zod and the
 * schemas are about 30 kB gzip that no page needs for its first paint (issue 8 asks every page's
 * first-load JavaScript to stay ≤ 160 kB; ADR 0020). A form asks for them when it mounts
 * (`useSchemas`), so they are there long before a field is left or "Lanjutkan" pressed; a submit
 * that comes sooner waits for them (`loadSchemas`). If they cannot be loaded (the connection
 * dropped), the form sends its answers anyway and the server, which parses with the same schemas,
 * answers with the same messages.
 */
import { useCallback, useEffect, useState } from "react";

export type BrowserSchemas = typeof import("@/schemas/browser");

let loaded: BrowserSchemas | null = null;
let pending: Promise<BrowserSchemas> | null = null;

/** The schemas, downloaded once; a failed download is tried again on the next call. */
export function loadSchemas(): Promise<BrowserSchemas> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= import("@/schemas/browser").then(
    (schemas) => (loaded = schemas),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** The schemas if they have arrived, else null. */
export function loadedSchemas(): BrowserSchemas | null {
  return loaded;
}

export type SchemasState = {
  /** Null until they have arrived (and on the server). */
  schemas: BrowserSchemas | null;
  /** The download failed; `retry` asks again. */
  failed: boolean;
  retry: () => void;
};

/** The schemas once they have arrived; asks for them when the component mounts. */
export function useSchemas(): SchemasState {
  // Null while a page hydrates (the download starts in an effect, after hydration); a form mounted
  // later, on the next step, finds them already here.
  const [schemas, setSchemas] = useState<BrowserSchemas | null>(loadedSchemas);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (schemas) return;
    let current = true;
    loadSchemas().then(
      (value) => {
        if (current) setSchemas(value);
      },
      // A form still works: its submit tries again, and the server judges with the same schemas.
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [schemas, attempt]);
  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return { schemas, failed, retry };
}
