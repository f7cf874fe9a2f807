/**
 * Issue 9, item 9: the admin's applicant search is `POST /api/admin/applicant-search` with the
 * query in a JSON body (the page no longer reads `?q=`). Admin session only; each applicant shown
 * is audited.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as searchRoute from "@/app/api/admin/applicant-search/route";
import { APPLICANT_QUERY_MESSAGE } from "@/schemas/admin";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { session } from "../../setup/session-mock";
import { jsonRequest, useTestServer } from "../../setup/test-server";

// Route handlers run outside a Next request here: the session lookup is one the tests control.
vi.mock("@/server/auth/session", async (importOriginal) => (await import("../../setup/session-mock")).mockSessionModule(importOriginal));

const server = useTestServer();
const ADMIN = { id: "admin-1", role: "ADMIN" as const, name: "admin" };
const search = async (body: unknown) => {
  const response = await searchRoute.POST(jsonRequest("/api/admin/applicant-search", body));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
};

beforeAll(async () => {
  await server.prisma.adminUser.create({ data: { id: ADMIN.id, username: "admin", passwordHash: "x" } });
  const { status } = await submit(await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) }));
  expect(status).toBe(201);
});
beforeEach(() => {
  session.user = null;
});

describe("POST /api/admin/applicant-search", () => {
  it("finds by NIK or registration number for an admin, in the answer's body, and audits the view", async () => {
    session.user = ADMIN;
    const found = await search({ query: ` ${BUDI.nik.slice(0, 8)} ${BUDI.nik.slice(8)} ` });
    expect(found.status).toBe(200);
    expect(found.headers.get("cache-control")).toContain("no-store");
    expect(found.body.applicant).toMatchObject({ nik: BUDI.nik, kk: BUDI.kk, fullName: "BUDI SANTOSO", phone: "+6281234567890", email: BUDI.email });
    const number = found.body.applicant.registrationNumber as string;
    expect((await search({ query: number })).body.applicant).toMatchObject({ nik: BUDI.nik });
    expect(await server.prisma.auditLog.count({ where: { actorId: ADMIN.id, action: "APPLICANT_VIEWED", target: `account:${number}` } })).toBe(2);

    expect(await search({ query: "3273011205980099" })).toMatchObject({ status: 200, body: { applicant: null } });
    for (const query of ["12345", "3273O11205980001", "", 3273011205980001, "1".repeat(41)]) {
      const refused = await search({ query });
      expect(refused.status, String(query)).toBe(422);
      expect(refused.body.error).toMatchObject({ code: "VALIDATION_FAILED", fields: { query: [APPLICANT_QUERY_MESSAGE] } });
    }
  });

  it("refuses anyone but an admin before reading the body: 401 without a session, 403 for an applicant; nothing audited", async () => {
    const before = await server.prisma.auditLog.count();
    expect((await search({ query: BUDI.nik })).status).toBe(401);
    session.user = { id: "acc-1", role: "APPLICANT", name: "BUDI" };
    expect((await search({ query: BUDI.nik })).status).toBe(403);
    expect(await server.prisma.auditLog.count()).toBe(before);
  });
});
