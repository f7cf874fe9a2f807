import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as agencyRoute from "@/app/api/admin/agencies/[code]/route";
import * as scheduleRoute from "@/app/api/admin/schedule/route";
import * as windowRoute from "@/app/api/registration-window/route";
import * as validateRoute from "@/app/api/registrations/validate/route";
import { session } from "../../setup/session-mock";
import { useTestServer } from "../../setup/test-server";

// Route handlers run outside a Next request here: the session lookup is one the tests control.
vi.mock("@/server/auth/session", async (importOriginal) => (await import("../../setup/session-mock")).mockSessionModule(importOriginal));

const server = useTestServer();
const ADMIN = { id: "admin-1", role: "ADMIN" as const, name: "admin" };
const APPLICANT = { id: "acc-1", role: "APPLICANT" as const, name: "BUDI SANTOSO" };
// The header of the Next.js middleware bypass (CVE-2025-29927): it must change nothing here.
const BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

beforeAll(async () => {
  await server.prisma.adminUser.create({ data: { id: ADMIN.id, username: "admin", passwordHash: "x" } });
});
beforeEach(() => {
  session.user = null;
});

function patchAgency(code: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/admin/agencies/${code}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return agencyRoute.PATCH(request, { params: Promise.resolve({ code }) });
}

function putSchedule(body: unknown, headers: Record<string, string> = {}) {
  return scheduleRoute.PUT(
    new Request("http://localhost/api/admin/schedule", { method: "PUT", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
  );
}

describe("admin routes authorise in the handler", () => {
  for (const headers of [{}, BYPASS]) {
    const label = Object.keys(headers).length ? " (with x-middleware-subrequest)" : "";
    it(`answer 401 without a session and 403 with an applicant's${label}`, async () => {
      for (const call of [() => patchAgency("KEMHAN", { formationStatus: "VERIFIED" }, headers), () => putSchedule({ opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" }, headers)]) {
        session.user = null;
        const anonymous = await call();
        expect(anonymous.status).toBe(401);
        expect((await anonymous.json()).error.code).toBe("UNAUTHORIZED");
        session.user = APPLICANT;
        const applicant = await call();
        expect(applicant.status).toBe(403);
        expect((await applicant.json()).error.code).toBe("FORBIDDEN");
      }
      expect((await server.prisma.agency.findUniqueOrThrow({ where: { code: "KEMHAN" } })).formationStatus).toBe("IN_VERIFICATION");
      expect(await server.prisma.auditLog.count()).toBe(0);
    });
  }
});

describe("PATCH /api/admin/agencies/{code}", () => {
  it("verifies an agency's formation, effective for the next registration at once, and audits it", async () => {
    const identity = {
      nik: "3273011205980001", kk: "3273011103190001", fullName: "Budi Santoso", birthPlace: "Bandung", birthDate: "1998-05-12",
      phone: "081234567890", email: "budi@example.com", agencyCode: "KEMHAN",
    };
    const validate = () =>
      validateRoute.POST(new Request("http://localhost/api/registrations/validate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ step: "identity", data: identity }) }));
    expect((await validate()).status).toBe(403);

    session.user = ADMIN;
    const response = await patchAgency("KEMHAN", { formationStatus: "VERIFIED" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: "KEMHAN", name: "Kementerian Pertahanan", kind: "PUSAT", formationStatus: "VERIFIED" });
    expect((await validate()).status).toBe(200);

    const [entry] = await server.prisma.auditLog.findMany();
    expect(entry).toMatchObject({
      actorType: "ADMIN",
      actorId: ADMIN.id,
      action: "AGENCY_FORMATION_STATUS_SET",
      target: "agency:KEMHAN",
      before: JSON.stringify({ formationStatus: "IN_VERIFICATION" }),
      after: JSON.stringify({ formationStatus: "VERIFIED" }),
    });
  });

  it("refuses an unknown status (422) and an unknown agency (404)", async () => {
    session.user = ADMIN;
    const bad = await patchAgency("BKN", { formationStatus: "MAYBE" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.formationStatus).toEqual(["Status formasi harus VERIFIED atau IN_VERIFICATION."]);
    expect((await patchAgency("TIDAK-ADA", { formationStatus: "VERIFIED" })).status).toBe(404);
  });
});

describe("PUT /api/admin/schedule", () => {
  it("postpones the opening from 17 to 20 September, and the window follows, on the record", async () => {
    session.user = ADMIN;
    await server.prisma.selectionPeriod.update({ where: { id: "CPNS-2023" }, data: { opensAt: new Date("2023-09-17T00:00:00+07:00") } });
    const response = await putSchedule({ opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ opensAt: "2023-09-19T17:00:00.000Z", closesAt: "2023-10-08T16:59:59.000Z" });
    const entry = await server.prisma.auditLog.findFirstOrThrow({ where: { action: "SCHEDULE_SET" } });
    expect(JSON.parse(entry.before ?? "")).toEqual({ opensAt: "2023-09-16T17:00:00.000Z", closesAt: "2023-10-08T16:59:59.000Z" });

    // Moving the opening past "now" (25 Sep on this clock) makes the window upcoming at once.
    expect((await putSchedule({ opensAt: "2023-09-26T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" })).status).toBe(200);
    expect((await (await windowRoute.GET()).json()).status).toBe("upcoming");
    await putSchedule({ opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" });
  });

  it("refuses a closing before the opening, and instants without a time zone", async () => {
    session.user = ADMIN;
    const backwards = await putSchedule({ opensAt: "2023-10-08T00:00:00+07:00", closesAt: "2023-09-20T00:00:00+07:00" });
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).error.fields).toEqual({ closesAt: ["Waktu penutupan harus setelah waktu pembukaan."] });
    const local = await putSchedule({ opensAt: "2023-09-20T00:00:00", closesAt: "2023-10-08T23:59:59" });
    expect(local.status).toBe(422);
    expect(Object.keys((await local.json()).error.fields).sort()).toEqual(["closesAt", "opensAt"]);
  });
});
