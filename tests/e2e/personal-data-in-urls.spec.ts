/**
 * Issue 9, item 9: personal data and bearer tokens stay out of URLs, where access logs, the
 * browser's history and Referer headers would keep them.
 * - The card token is an HttpOnly, SameSite=Strict cookie scoped to the registration's routes (set
 *   by the 201), or `Authorization: Bearer` for API clients; `?token=` is refused. The done page
 *   shows the card, its selfie and the PDF with no token in any request's URL.
 * - The admin's applicant search is a POST: after a search by NIK, neither the page's URL nor any
 *   entry of the tab's history nor any request's URL holds the NIK.
 * Before the fix the done page fetched `…?token=<token>` and the search was `GET /admin/pelamar?q=<NIK>`.
 */
import { signInAdmin } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { registerViaApi } from "./wizard-helpers";

test("the done page opens the card with the cookie the 201 set, and no URL carries the token", async ({ page, context, newCitizen }) => {
  test.setTimeout(60_000);
  const applicant = newCitizen("BKN");
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));

  await page.goto("/daftar/selesai");
  await expect(page.getByRole("heading", { name: "Belum ada pendaftaran yang selesai" })).toBeVisible();
  // The browser's own context sends the registration, so it receives the cookie as the wizard would.
  const { registrationNumber, cardToken } = await registerViaApi(page.request, applicant);
  const cookie = (await context.cookies()).find((c) => c.name === "sscasn_kartu");
  expect(cookie).toMatchObject({ value: cardToken, httpOnly: true, sameSite: "Strict", path: `/api/registrations/${registrationNumber}` });
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(3600);

  // What the wizard keeps after "Iya": the number only.
  await page.evaluate((number) => sessionStorage.setItem("sscasn:daftar:selesai", JSON.stringify({ registrationNumber: number })), registrationNumber);
  await page.reload();
  const card = page.locator("#kartu-informasi-akun");
  await expect(card).toContainText(applicant.nik);
  const selfie = card.getByRole("img", { name: "Swafoto pemilik akun" });
  await expect.poll(() => selfie.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh Kartu Informasi Akun (PDF)" }).click()]);
  expect(download.suggestedFilename()).toBe(`kartu-informasi-akun-${registrationNumber}.pdf`);
  urls.push(download.url());

  // The summary, the selfie and the PDF.
  expect(urls.filter((url) => url.includes(`/api/registrations/${registrationNumber}`)).length).toBeGreaterThanOrEqual(3);
  expect(urls.filter((url) => /token=/i.test(url) || url.includes(cardToken))).toEqual([]);
  expect(JSON.stringify(await page.evaluate(() => ({ ...sessionStorage, ...localStorage })))).not.toContain(cardToken);
  expect(await page.evaluate(() => document.cookie)).not.toContain(cardToken);
});

test("an API client sends the card token as Authorization: Bearer; in the query string it is refused", async ({ playwright, baseURL, newCitizen }) => {
  // A client of its own: no cookie jar shared with a browser.
  const client = await playwright.request.newContext({ baseURL });
  const { registrationNumber, cardToken } = await registerViaApi(client, newCitizen("BKN"));
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const photo = `/api/registrations/${registrationNumber}/photos/ktp`;
    const query = await anonymous.get(`${photo}?token=${encodeURIComponent(cardToken)}`);
    expect(query.status()).toBe(401);
    expect((await query.json()).error.code).toBe("UNAUTHORIZED");
    const bearer = await anonymous.get(photo, { headers: { authorization: `Bearer ${cardToken}` } });
    expect(bearer.status()).toBe(200);
    expect(bearer.headers()["content-type"]).toBe("image/jpeg");
  } finally {
    await client.dispose();
    await anonymous.dispose();
  }
});

test("the admin's applicant search is a POST: the NIK is in no URL and no history entry", async ({ page, request, newCitizen }) => {
  test.setTimeout(60_000);
  const applicant = newCitizen("BKN");
  await registerViaApi(request, applicant);
  await signInAdmin(page);
  const requests: { method: string; url: string }[] = [];
  page.on("request", (r) => requests.push({ method: r.method(), url: r.url() }));

  await page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Cari Pelamar" }).click();
  await expect(page).toHaveURL(/\/admin\/pelamar$/);
  await page.getByLabel("NIK atau nomor pendaftaran").fill(applicant.nik);
  await page.getByRole("button", { name: "Cari" }).click();
  const result = page.getByRole("region", { name: applicant.fullName.toUpperCase() });
  await expect(result).toContainText(applicant.kk);
  await expect(result).toContainText(applicant.nik);

  // Where the page is, and every entry of this tab's history.
  expect(page.url()).toMatch(/\/admin\/pelamar$/);
  const cdp = await page.context().newCDPSession(page);
  const { entries } = (await cdp.send("Page.getNavigationHistory")) as { entries: { url: string }[] };
  expect(entries.length).toBeGreaterThan(1);
  expect(entries.filter((entry) => entry.url.includes(applicant.nik) || entry.url.includes("q="))).toEqual([]);
  // The search went in a POST's body; no request's URL holds the NIK.
  expect(requests.some((r) => r.method === "POST" && new URL(r.url).pathname === "/api/admin/applicant-search")).toBe(true);
  expect(requests.filter((r) => r.url.includes(applicant.nik))).toEqual([]);

  // A reload shows the empty form: the result lived in the page, not in its address.
  await page.reload();
  await expect(page.getByLabel("NIK atau nomor pendaftaran")).toHaveValue("");
  await expect(page.getByRole("region", { name: applicant.fullName.toUpperCase() })).toHaveCount(0);
});
