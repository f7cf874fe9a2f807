import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { claimCitizen, type Identity } from "./citizens";

export { BUDI } from "../fixtures/identities";

/**
 * The tests' `test`: Playwright's, plus
 * - `newCitizen(agencyCode = "BKN")`, which hands the test a citizen of the population registry
 *   that no other test of the run uses (tests/e2e/citizens.ts). Call it once per applicant the
 *   test needs;
 * - an automatic `cspViolations` fixture: anything the page's Content-Security-Policy blocks (a
 *   `securitypolicyviolation` event, or Chromium's "Refused to …" console error) fails the test
 *   that caused it, so a script, style or image the policy does not allow cannot slip in (ADR 0012).
 * Specs import `test` and `expect` from here.
 */
export const test = base.extend<{ newCitizen: (agencyCode?: string) => Identity; cspViolations: string[] }>({
  newCitizen: async ({}, use) => {
    await use((agencyCode = "BKN") => claimCitizen(agencyCode));
  },
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "an inline resource"}`);
        });
      });
      context.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" && /Content Security Policy|CSP violation/i.test(text)) violations.push(`${message.location().url}: ${text}`);
      });
      await use(violations);
      expect(violations, "the page broke its Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** SPEC's accessibility bar: WCAG 2.0/2.1 A and AA, and 2.2 AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

/** Nothing may scroll sideways on a 360 px phone. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The header of the Next.js middleware bypass (CVE-2025-29927): it must change nothing. */
export const BYPASS_HEADER: Record<string, string> = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
