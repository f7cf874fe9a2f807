import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { createNonce } from "@/server/content-security-policy";
import { createPageBody } from "@/server/page-cache/nonce-template";

const RENDER_NONCE = "gY5ebPAP51px3M4mU3L/PA==";
// A page like Next's: the nonce on scripts and styles, and in the RSC payload; text repeated
// across the nonces, as the payload repeats the markup.
const markup = `<main>${"<p>Pendaftaran akun SSCASN — Seleksi CPNS 2023</p>".repeat(200)}</main>`;
const PAGE =
  `<!DOCTYPE html><html lang="id"><head><link rel="stylesheet" href="/a.css" nonce="${RENDER_NONCE}"/>` +
  `<script src="/b.js" async="" nonce="${RENDER_NONCE}"></script></head><body>${markup}` +
  `<script nonce="${RENDER_NONCE}">self.__next_f.push([1,"{\\"nonce\\":\\"${RENDER_NONCE}\\"}${markup.replaceAll('"', '\\"')}"])</script></body></html>`;

describe("a page with a hole for its nonce", () => {
  it("puts a fresh nonce wherever the render's was, plain and as gzip", () => {
    const body = createPageBody(PAGE, RENDER_NONCE);
    for (const nonce of [createNonce(), createNonce(), "++++////++++////++++//==", "AAAAAAAAAAAAAAAAAAAAAA=="]) {
      const expected = PAGE.replaceAll(RENDER_NONCE, nonce);
      expect(body.identity(nonce).toString("utf8")).toBe(expected);
      expect(zlib.gunzipSync(body.gzip(nonce)).toString("utf8")).toBe(expected);
    }
  });

  it("assembles a gzip stream about as small as deflating the whole page", () => {
    const body = createPageBody(PAGE, RENDER_NONCE);
    const whole = zlib.gzipSync(PAGE.replaceAll(RENDER_NONCE, "x".repeat(24))).length;
    expect(body.gzip(createNonce()).length).toBeLessThan(whole * 1.25 + 200);
  });

  it("is still right when the page holds a NUL (no dictionary then), or begins or ends with the nonce", () => {
    for (const page of [`a\0b${RENDER_NONCE}c\0d${RENDER_NONCE}`, `${RENDER_NONCE}${RENDER_NONCE}x`]) {
      const body = createPageBody(page, RENDER_NONCE);
      const nonce = createNonce();
      expect(zlib.gunzipSync(body.gzip(nonce)).toString("utf8")).toBe(page.replaceAll(RENDER_NONCE, nonce));
    }
  });

  it("refuses a nonce of another length, which would shift the gzip stream's distances", () => {
    const body = createPageBody(PAGE, RENDER_NONCE);
    expect(() => body.gzip("short")).toThrow(/24 base64 characters/);
    expect(() => body.identity("é".repeat(24))).toThrow(/24 base64 characters/);
  });
});
