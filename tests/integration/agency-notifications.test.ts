/**
 * "Beri tahu saya" end to end in one process: the real route handlers and admin operation against a
 * fresh SQLite database, mail sent by nodemailer to a real SMTP server (the `smtp-server` package)
 * listening on a loopback port.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as notifyRoute from "@/app/api/agency-notifications/route";
import * as unsubscribeRoute from "@/app/api/agency-notifications/unsubscribe/route";
import * as admin from "@/server/admin/set-agency-formation-status";
import * as sending from "@/server/notifications/send-agency-notifications";
import * as rateLimit from "@/server/rate-limit";
import { jsonRequest, useTestServer } from "../setup/test-server";

type Received = { to: string[]; raw: string };

const PUBLIC_URL = "http://localhost:3999";
const received: Received[] = [];
const smtp = { refuse: false };
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(smtp.refuse ? Object.assign(new Error("mailbox unavailable"), { responseCode: 450 }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  smtpUrl = `smtp://127.0.0.1:${port}`;
});
// Registered after the SMTP server's hook, so its address is known when the app's ports are built.
// Behind one trusted proxy (TRUST_PROXY_HOPS): the X-Forwarded-For each request carries is the client.
const app = useTestServer({ env: () => ({ SMTP_URL: smtpUrl, NEXTAUTH_URL: PUBLIC_URL, TRUST_PROXY_HOPS: "1" }) });

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  received.length = 0;
  smtp.refuse = false;
  await app.prisma.rateLimitHit.deleteMany();
});

function subscribe(body: unknown, ip = "10.9.9.9") {
  return notifyRoute.POST(jsonRequest("/api/agency-notifications", body, { headers: { "x-forwarded-for": ip } }));
}

async function verify(code: string, formationStatus: "VERIFIED" | "IN_VERIFICATION" = "VERIFIED") {
  await admin.setAgencyFormationStatus("admin-1", code, { formationStatus });
}

/** The message's text with quoted-printable soft breaks and escapes undone, enough to read links and words. */
function decoded(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function links(raw: string): string[] {
  return [...new Set(decoded(raw).match(/https?:\/\/[^\s"<>]+/g) ?? [])];
}

describe("POST /api/agency-notifications", () => {
  it("answers 202 with the same body whether or not the address was already waiting, and keeps one row", async () => {
    const first = await subscribe({ agencyCode: "BMKG", email: "Sari.Wulandari@Contoh.id" });
    const again = await subscribe({ agencyCode: "BMKG", email: "sari.wulandari@contoh.id " });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    const rows = await app.prisma.agencyNotification.findMany({ where: { agencyCode: "BMKG" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.email).toBe("sari.wulandari@contoh.id");
  });

  it("refuses a verified agency, an unknown agency and a malformed address", async () => {
    const verified = await subscribe({ agencyCode: "KOTA-3273", email: "a@contoh.id" });
    expect(verified.status).toBe(409);
    expect((await verified.json()).error.code).toBe("AGENCY_ALREADY_VERIFIED");
    const unknown = await subscribe({ agencyCode: "NOPE", email: "a@contoh.id" });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.code).toBe("AGENCY_NOT_FOUND");
    const malformed = await subscribe({ agencyCode: "BMKG", email: "bukan-email" });
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error).toMatchObject({ code: "VALIDATION_FAILED", fields: { email: [expect.stringContaining("email")] } });
    expect(await app.prisma.agencyNotification.count({ where: { email: "a@contoh.id" } })).toBe(0);
  });

  it("limits each email address, and each client address, with 429 and Retry-After", async () => {
    const perEmail = rateLimit.RATE_LIMITS.NOTIFY_EMAIL.limit;
    for (let i = 0; i < perEmail; i++) expect((await subscribe({ agencyCode: "BMKG", email: "banyak@contoh.id" }, `10.1.0.${i}`)).status).toBe(202);
    const overEmail = await subscribe({ agencyCode: "BMKG", email: "banyak@contoh.id" }, "10.1.1.1");
    expect(overEmail.status).toBe(429);
    expect(Number(overEmail.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await overEmail.json()).error.code).toBe("RATE_LIMITED");

    const perClient = rateLimit.RATE_LIMITS.NOTIFY.limit;
    for (let i = 0; i < perClient; i++) expect((await subscribe({ agencyCode: "BMKG", email: `orang${i}@contoh.id` }, "10.2.2.2")).status).toBe(202);
    const overClient = await subscribe({ agencyCode: "BMKG", email: "satu.lagi@contoh.id" }, "10.2.2.2");
    expect(overClient.status).toBe(429);
    // Neither address is stored in the clear by the limiter.
    const subjects = (await app.prisma.rateLimitHit.findMany({ select: { subject: true } })).map((r) => r.subject).join(" ");
    expect(subjects).not.toContain("banyak@contoh.id");
    expect(subjects).not.toContain("10.2.2.2");
    await app.prisma.agencyNotification.deleteMany({ where: { agencyCode: "BMKG" } });
  });
});

describe("when an admin verifies the agency", () => {
  it("mails each subscriber once, with the agency, a start link and a working one-click unsubscribe", async () => {
    for (const body of [
      { agencyCode: "KEMHAN", email: "dewi@contoh.id" },
      { agencyCode: "BSSN", email: "dewi@contoh.id" },
      { agencyCode: "KEMHAN", email: "andi@contoh.id" },
    ]) {
      expect((await subscribe(body)).status).toBe(202);
    }

    await verify("KEMHAN");
    await sending.scheduledAgencyNotificationsSettled();
    expect(received.map((m) => m.to).sort()).toEqual([["andi@contoh.id"], ["dewi@contoh.id"]]);
    // Sent, so forgotten: only Dewi's wait for BSSN is left.
    expect(await app.prisma.agencyNotification.findMany({ select: { agencyCode: true, email: true } })).toEqual([
      { agencyCode: "BSSN", email: "dewi@contoh.id" },
    ]);

    const mail = received.find((m) => m.to[0] === "dewi@contoh.id")!;
    const text = decoded(mail.raw);
    expect(text).toMatch(/^Subject: Formasi Kementerian Pertahanan sudah diverifikasi/m);
    expect(text).toContain("Formasi Kementerian Pertahanan sudah diverifikasi. Sekarang Anda dapat membuat akun SSCASN");
    expect(text).not.toContain("Badan Siber");
    const urls = links(mail.raw);
    expect(urls.every((url) => url.startsWith(PUBLIC_URL))).toBe(true);
    expect(urls.filter((url) => url.includes("/daftar"))).toEqual([`${PUBLIC_URL}/daftar/identitas?instansi=KEMHAN`]);
    const unsubscribes = urls.filter((url) => url.includes("/unsubscribe"));
    expect(unsubscribes).toHaveLength(1);
    const unsubscribe = unsubscribes[0];
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC_URL}/api/agency-notifications/unsubscribe\\?token=[\\w-]+\\.[\\w-]+$`));
    expect(unsubscribe).not.toContain("dewi");
    const headers = text.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(new RegExp(`^List-Unsubscribe: <${unsubscribe!.replace(/[.?]/g, "\\$&")}>`, "m"));
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // Verifying again (after a step back) sends nothing more.
    await verify("KEMHAN", "IN_VERIFICATION");
    await verify("KEMHAN");
    await sending.scheduledAgencyNotificationsSettled();
    expect(received).toHaveLength(2);

    // A tampered token does nothing; following the link removes what is left, without signing in.
    const tampered = await unsubscribeRoute.POST(new Request(`${unsubscribe!.slice(0, -2)}xx`, { method: "POST" }));
    expect(tampered.status).toBe(422);
    expect(await app.prisma.agencyNotification.count()).toBe(1);
    const followed = await unsubscribeRoute.GET(new Request(unsubscribe!));
    expect(followed.status).toBe(303);
    expect(followed.headers.get("location")).toBe("/pemberitahuan/berhenti?hasil=berhasil");
    expect(await app.prisma.agencyNotification.count()).toBe(0);
    // One-click POST (RFC 8058) on the same link is idempotent.
    const oneClick = await unsubscribeRoute.POST(new Request(unsubscribe!, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(oneClick.status).toBe(200);

    // Nothing more is sent for BSSN once it is verified.
    await verify("BSSN");
    await sending.scheduledAgencyNotificationsSettled();
    expect(received).toHaveLength(2);
  });

  it("never fails the admin's change when mail cannot be sent, and sends the kept row on the next run", async () => {
    expect((await subscribe({ agencyCode: "KAB-3509", email: "rina@contoh.id" })).status).toBe(202);
    smtp.refuse = true;
    await verify("KAB-3509"); // does not throw
    expect((await app.prisma.agency.findUniqueOrThrow({ where: { code: "KAB-3509" } })).formationStatus).toBe("VERIFIED");
    await sending.scheduledAgencyNotificationsSettled();
    expect(received).toHaveLength(0);
    const kept = await app.prisma.agencyNotification.findFirstOrThrow({ where: { agencyCode: "KAB-3509" } });
    expect(kept).toMatchObject({ attempts: 1, claimedAt: null });

    // What `npm run mail:flush` runs.
    smtp.refuse = false;
    expect(await sending.sendAgencyNotifications()).toEqual({ sent: 1, failed: 0 });
    expect(await sending.sendAgencyNotifications()).toEqual({ sent: 0, failed: 0 });
    expect(received.map((m) => m.to)).toEqual([["rina@contoh.id"]]);
    expect(decoded(received[0]!.raw)).toContain("Formasi Pemerintah Kabupaten Jember sudah diverifikasi");
    expect(await app.prisma.agencyNotification.count({ where: { agencyCode: "KAB-3509" } })).toBe(0);
  });

  it("sends one mail per row even when two runs race", async () => {
    for (let i = 0; i < 5; i++) expect((await subscribe({ agencyCode: "KOTA-9171", email: `jayapura${i}@contoh.id` })).status).toBe(202);
    await app.prisma.agency.update({ where: { code: "KOTA-9171" }, data: { formationStatus: "VERIFIED" } });
    const results = await Promise.all([sending.sendAgencyNotifications(), sending.sendAgencyNotifications()]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(5);
    expect(received).toHaveLength(5);
    expect(new Set(received.map((m) => m.to[0])).size).toBe(5);
  });
});
