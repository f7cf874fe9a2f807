import http, { type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/domain/errors";
import { createAdmission, type Place } from "@/server/admission";
import { toErrorResponse } from "@/server/http";
import { createFrontDoor, type FrontDoor } from "@/server/page-cache/front-door";
import { API_ANSWER_HEADERS, EVERY_ANSWER_HEADERS } from "@/server/response-headers";
import { busyAnswer, claimPlace, createLoadShedder, isRegistrationSubmission, PLACE_HEADER, shareAdmission } from "@/server/shed-load";

/**
 * Load shedding at the front door (ADR 0021), on real sockets in front of a stand-in for Next that
 * records what reached it: a registration the admission limit has no room for is answered
 * SERVER_BUSY by the door, exactly as the route handler answers it, and the connection survives
 * the upload the door did not read.
 */
type Seen = { method: string | undefined; url: string | undefined; bodyBytes: number; place: Place | undefined; token: string | undefined };

function fakeApp(seen: Seen[]): RequestListener {
  return (request, response) => {
    // As the route handler does, before it reads the body.
    const token = request.headers[PLACE_HEADER] as string | undefined;
    const place = claimPlace(token);
    let bodyBytes = 0;
    request.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, bodyBytes, place, token });
      const answer = () => {
        response.writeHead(200, { "content-type": "text/plain" });
        response.end("from the app");
      };
      // A request marked so is answered when the test says (a handler still at work).
      if (request.headers["x-test-wait"]) waiting.push(answer);
      else answer();
    });
  };
}

const waiting: (() => void)[] = [];
let open: { server: http.Server; door: FrontDoor; agent: http.Agent }[] = [];
afterEach(async () => {
  shareAdmission(undefined);
  waiting.length = 0;
  for (const { server, door, agent } of open) {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    await door.close();
  }
  open = [];
});

/** `own`: on a connection of its own (another client), not the shared keep-alive one. */
type Send = (method: string, path: string, body?: Buffer, headers?: Record<string, string>, own?: boolean) => Promise<Answer>;

async function start(): Promise<{ send: Send; seen: Seen[]; sockets: () => number }> {
  const seen: Seen[] = [];
  const door = createFrontDoor({ app: fakeApp(seen), ttlMs: 0, secret: "s".repeat(43) });
  let connections = 0;
  const server = http.createServer(door.listener);
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // One keep-alive connection for every request, as a browser reuses its connection.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  open.push({ server, door, agent });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = (method: string, path: string, body?: Buffer, extra: Record<string, string> = {}, own = false) =>
    new Promise<Answer>((resolve, reject) => {
      const headers = { ...extra, ...(body ? { "content-type": "multipart/form-data; boundary=x", "content-length": body.length } : {}) };
      const request = http.request(`${base}${path}`, { method, agent: own ? false : agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      });
      request.on("error", reject);
      request.end(body);
    });
  return { send, seen, sockets: () => connections };
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** About what two photos weigh: more than the socket buffers hold, so most of it is unread when the door answers. */
const UPLOAD = Buffer.alloc(3 * 1024 * 1024, 7);

describe("the front door's busy answer", () => {
  it("turns a registration away while the admission limit has no room, as the handler would, and keeps the connection", async () => {
    const { send, seen, sockets } = await start();
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    shareAdmission(admission);
    const place = admission.hold(); // a request that arrived first holds the one place

    const busy = await send("POST", "/api/registrations", UPLOAD);
    expect(busy.status).toBe(503);
    const retryAfter = Number(busy.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // The same body and headers as the route handler's SERVER_BUSY, plus what next.config.ts adds.
    const handlers = toErrorResponse(new AppError("SERVER_BUSY", { headers: { "Retry-After": String(retryAfter) } }));
    expect(JSON.parse(busy.body)).toEqual(await handlers.json());
    for (const [name, value] of [...handlers.headers, ...Object.entries(EVERY_ANSWER_HEADERS), ...Object.entries(API_ANSWER_HEADERS)]) {
      expect(busy.headers[name.toLowerCase()], name).toBe(value);
    }
    expect(seen).toEqual([]);

    // The unread upload was drained, not reset: the next request goes over the same connection.
    place.release();
    const admitted = await send("POST", "/api/registrations", UPLOAD);
    expect(admitted.body).toBe("from the app");
    expect(seen).toMatchObject([{ method: "POST", url: "/api/registrations", bodyBytes: UPLOAD.length }]);
    expect(sockets()).toBe(1);
  });

  it("takes the place as the head arrives and hands it to the handler, which alone can claim it", async () => {
    const { send, seen } = await start();
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    shareAdmission(admission);
    // A client's own token is dropped; the door's is claimed once, by the handler.
    const first = send("POST", "/api/registrations", UPLOAD, { [PLACE_HEADER]: "forged", "x-test-wait": "1" });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]!.token).toMatch(/^[\w-]{22}$/);
    expect(seen[0]!.place).toBeDefined();
    expect(claimPlace(seen[0]!.token)).toBeUndefined();
    // While the handler has it, the one place is taken: another client arriving now is turned away.
    expect(admission.stats().held).toBe(1);
    expect((await send("POST", "/api/registrations", UPLOAD, {}, true)).status).toBe(503);
    // The handler answers without bringing the place to a run (a refused form, say): it is given back.
    waiting.shift()!();
    expect((await first).body).toBe("from the app");
    await expect.poll(() => admission.stats().held).toBe(0);
    expect((await send("POST", "/api/registrations", UPLOAD)).body).toBe("from the app");
  });

  it("sheds only registration submissions, and nothing before the process has an admission limit", async () => {
    const { send, seen } = await start();
    await send("POST", "/api/registrations", UPLOAD, { [PLACE_HEADER]: "forged" }); // no admission shared yet: to the app, without the token
    expect(seen[0]!.token).toBeUndefined();
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    shareAdmission(admission);
    admission.hold();
    expect((await send("POST", "/api/registrations?lang=id", UPLOAD)).status).toBe(503);
    for (const [method, path] of [["GET", "/"], ["GET", "/api/registrations/123"], ["POST", "/api/registrations/validate"], ["POST", "/api/captcha"]] as const) {
      expect((await send(method, path)).body, `${method} ${path}`).toBe("from the app");
    }
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /api/registrations",
      "GET /",
      "GET /api/registrations/123",
      "POST /api/registrations/validate",
      "POST /api/captcha",
    ]);
  });

  it("says 503 with the admission's Retry-After", () => {
    const answer = busyAnswer(7);
    expect(answer.status).toBe(503);
    expect(answer.headers["Retry-After"]).toBe("7");
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "SERVER_BUSY", message: expect.stringMatching(/sibuk/) } });
  });
});

describe("what counts as a registration submission", () => {
  it("is a POST to /api/registrations, whatever its query string", () => {
    expect(isRegistrationSubmission("POST", "/api/registrations")).toBe(true);
    expect(isRegistrationSubmission("POST", "/api/registrations?x=1")).toBe(true);
    expect(isRegistrationSubmission("GET", "/api/registrations")).toBe(false);
    expect(isRegistrationSubmission("POST", "/api/registrations/")).toBe(false);
    expect(isRegistrationSubmission("POST", "/api/registrations/validate")).toBe(false);
    expect(isRegistrationSubmission("POST", "/api/registrationsx")).toBe(false);
    expect(isRegistrationSubmission("POST", undefined)).toBe(false);
  });
});

describe("handing a submission to Next while a burst is accepted", () => {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  function submission(): [http.IncomingMessage, http.ServerResponse] {
    const request = { method: "POST", url: "/api/registrations", headers: {} } as http.IncomingMessage;
    const response = { once: () => response } as unknown as http.ServerResponse;
    return [request, response];
  }

  it("waits for a turn of the event loop that accepted no connection", async () => {
    shareAdmission(createAdmission({ concurrency: 1, queue: 1, maxWaitMs: 0 }));
    const handed: unknown[] = [];
    const shedder = createLoadShedder((request) => handed.push(request));
    const [request, response] = submission();
    expect(shedder.take(request, response)).toBe(true);
    shedder.accepted(); // a connection came in this turn: another of the burst may be waiting
    await turn();
    expect(handed).toEqual([]);
    shedder.accepted();
    await turn();
    expect(handed).toEqual([]);
    await turn(); // a turn without a new connection
    expect(handed).toEqual([request]);
  });

  it("waits 20 ms at most while connections keep coming", async () => {
    shareAdmission(createAdmission({ concurrency: 1, queue: 1, maxWaitMs: 0 }));
    const handed: number[] = [];
    const shedder = createLoadShedder(() => handed.push(performance.now()));
    const start = performance.now();
    shedder.take(...submission());
    while (handed.length === 0 && performance.now() - start < 1000) {
      shedder.accepted();
      await turn();
    }
    expect(handed).toHaveLength(1);
    expect(handed[0]! - start).toBeGreaterThanOrEqual(20);
    expect(handed[0]! - start).toBeLessThan(200);
  });
});
