/**
 * Issue 9, item 9: the admin's applicant search is a server action taking the query in a POST body
 * (the page no longer reads `?q=`). It checks the admin itself, answers in its state, and audits
 * each applicant shown.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { searchApplicant } from "@/app/admin/(console)/pelamar/actions";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "APPLICANT" | "ADMIN"; name: string } }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));
// `redirect()` outside a Next request: what it was asked to do is enough here.
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

const server = useTestServer();
const form = (q: string) => {
  const data = new FormData();
  data.set("q", q);
  return data;
};

beforeAll(async () => {
  await server.prisma.adminUser.create({ data: { id: "admin-1", username: "admin", passwordHash: "x" } });
  const { status } = await submit(await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) }));
  expect(status).toBe(201);
});
beforeEach(() => {
  session.user = null;
});

describe("searchApplicant (POST /admin/pelamar)", () => {
  it("finds by NIK or registration number for an admin, and audits the view", async () => {
    session.user = { id: "admin-1", role: "ADMIN", name: "admin" };
    const found = await searchApplicant({ status: "idle" }, form(` ${BUDI.nik} `));
    expect(found).toMatchObject({ status: "found", query: BUDI.nik, account: { nik: BUDI.nik, kk: BUDI.kk, fullName: "BUDI SANTOSO" } });
    const number = found.status === "found" ? found.account.registrationNumber : "";
    expect(await searchApplicant(found, form(number))).toMatchObject({ status: "found", account: { nik: BUDI.nik } });
    expect(await server.prisma.auditLog.count({ where: { actorId: "admin-1", action: "APPLICANT_VIEWED", target: `account:${number}` } })).toBe(2);

    expect(await searchApplicant(found, form("12345"))).toEqual({ status: "invalid", query: "12345" });
    expect(await searchApplicant(found, form("3273011205980099"))).toEqual({ status: "not-found", query: "3273011205980099" });
  });

  it("sends anyone else to the admin sign-in, with nothing found or audited", async () => {
    const before = await server.prisma.auditLog.count();
    await expect(searchApplicant({ status: "idle" }, form(BUDI.nik))).rejects.toThrow("redirect /admin/masuk");
    session.user = { id: "acc-1", role: "APPLICANT", name: "BUDI" };
    await expect(searchApplicant({ status: "idle" }, form(BUDI.nik))).rejects.toThrow("redirect /admin/masuk");
    expect(await server.prisma.auditLog.count()).toBe(before);
  });
});
