/**
 * Sign-in helpers for the end-to-end tests: through the page as a person does, and through
 * next-auth's endpoints for API checks (the request context then carries the session cookie).
 */
import { type APIRequestContext, type Page, expect } from "@playwright/test";

/** The admin the test servers seed (playwright.config.ts). */
export const ADMIN = { username: "admin", password: "admin-e2e-password" };

export async function signInApplicant(page: Page, nik: string, password: string): Promise<void> {
  await page.goto("/masuk");
  await page.getByLabel("NIK").fill(nik);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/akun$/);
}

export async function signInAdmin(page: Page): Promise<void> {
  await page.goto("/admin/masuk");
  await page.getByLabel("Nama pengguna").fill(ADMIN.username);
  await page.getByLabel("Kata sandi", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** Signs a request context in through next-auth's credentials callback. */
export async function signInApi(request: APIRequestContext, provider: "applicant" | "admin", fields: Record<string, string>): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post(`/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, json: "true" } });
  expect(response.status()).toBe(200);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { role: string } };
  expect(session.user?.role).toBe(provider === "admin" ? "ADMIN" : "APPLICANT");
}
