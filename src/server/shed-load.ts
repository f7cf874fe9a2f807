import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/domain/errors";
import type { Admission, Place } from "@/server/admission";
import { errorAnswer } from "@/server/error-answer";
import { API_ANSWER_HEADERS, EVERY_ANSWER_HEADERS } from "@/server/response-headers";

/**
 * Load shedding at the production server's front door (ADR 0021). A registration submission takes
 * its place in the admission limit as its head arrives, before Next routes it; when there is none,
 * `POST /api/registrations` is answered SERVER_BUSY 503 with Retry-After there and then. Turning a
 * request away through Next costs some 3 ms of the event loop (routing, a web Request around the
 * upload, the handler); at three times the sustainable concurrency the surplus retries as fast as
 * it is answered, and those milliseconds queued up into a 503 p99 of 70–210 ms. At the door it is
 * a fraction of a millisecond.
 *
 * The submissions that got a place go on to Next one per turn of the event loop, not all in one:
 * in a burst, each hand-off is some 2 ms of Next's routing, and the heads still arriving (each to
 * be answered at once) are read between them instead of after all of them. Node accepts one
 * connection per turn, so a hand-off also waits for a turn that accepted none (HAND_OVER_WAIT_MS
 * at most): while a burst's connections are still coming in, Next's milliseconds in every turn
 * would hold back their accepts, and with them the surplus's busy answers.
 *
 * The door is compiled into the instrumentation's bundle and the handler into the app's, and Next
 * gives each bundle its own module instances. So they meet through `globalThis`: the admission the
 * handler uses is shared in one slot, filled when the process builds its ports
 * (src/server/deps.ts), and a place the door took is handed to the handler through a one-time
 * random token in PLACE_HEADER (`claimPlace`). Without the door (`next dev`, a bare `next start`,
 * tests) the handler takes the place itself (src/server/registration/submit-registration.ts).
 * Both answers are the same: status, body, Retry-After and headers.
 */
const ADMISSION_KEY = Symbol.for("sscasn.admission");
const PLACES_KEY = Symbol.for("sscasn.admission-places");

/** Request header carrying the token of the place the door took for a submission (set by the door only). */
export const PLACE_HEADER = "x-sscasn-admission-place";

type SharedAdmission = Pick<Admission, "hold" | "refusalNow">;
type Shared = { [ADMISSION_KEY]?: SharedAdmission; [PLACES_KEY]?: Map<string, Place> };

/** The process's admission limit, for the front door (src/server/deps.ts; tests give undefined back). */
export function shareAdmission(admission: SharedAdmission | undefined): void {
  (globalThis as Shared)[ADMISSION_KEY] = admission;
}

function sharedAdmission(): SharedAdmission | undefined {
  return (globalThis as Shared)[ADMISSION_KEY];
}

/** Places the door took and the handler has not claimed yet, by token. */
function places(): Map<string, Place> {
  return ((globalThis as Shared)[PLACES_KEY] ??= new Map());
}

/**
 * The place the door took for this request, once: the handler's side of the hand-over. A token the
 * door did not give (a client's own header, or no door at all) finds nothing.
 */
export function claimPlace(token: string | null | undefined): Place | undefined {
  if (!token) return undefined;
  const place = places().get(token);
  places().delete(token);
  return place;
}

/** A registration submission: POST to exactly /api/registrations, whatever its query string. */
export function isRegistrationSubmission(method: string | undefined, url: string | undefined): boolean {
  if (method !== "POST" || url === undefined) return false;
  const query = url.indexOf("?");
  return (query === -1 ? url : url.slice(0, query)) === "/api/registrations";
}

/** What the route handler answers for SERVER_BUSY (`errorAnswer`), with the headers next.config.ts adds. */
export function busyAnswer(retryAfterSeconds: number): ReturnType<typeof errorAnswer> {
  const answer = errorAnswer(new AppError("SERVER_BUSY", { headers: { "Retry-After": String(retryAfterSeconds) } }));
  return { ...answer, headers: { ...EVERY_ANSWER_HEADERS, ...API_ANSWER_HEADERS, ...answer.headers } };
}

/** Longest a submission's hand-off to Next waits for a burst's connections to be accepted. */
const HAND_OVER_WAIT_MS = 20;

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The door's part for registration submissions, in front of `app` (Next's handler): `take` says
 * whether it took the request (answered it busy, or queued it for `app` with its place); anything
 * else is left to the caller.
 */
export function createLoadShedder(app: Listener): {
  take(request: IncomingMessage, response: ServerResponse): boolean;
  /** A connection was accepted (the server's "connection" event). */
  accepted(): void;
} {
  const handOver: { request: IncomingMessage; response: ServerResponse; since: number }[] = [];
  // Set by each accepted connection, read and cleared by each look at the hand-off queue: the turns
  // between looks are one while submissions wait; after an idle spell it may be older (one extra
  // turn of waiting, at most).
  let acceptedSinceLook = false;
  const next = () => {
    const item = handOver[0];
    if (!item) return;
    const burst = acceptedSinceLook;
    acceptedSinceLook = false;
    if (burst && performance.now() - item.since < HAND_OVER_WAIT_MS) return void setImmediate(next);
    handOver.shift();
    if (handOver.length > 0) setImmediate(next);
    app(item.request, item.response);
  };

  return {
    accepted() {
      acceptedSinceLook = true;
    },
    take(request, response) {
      if (!isRegistrationSubmission(request.method, request.url)) return false;
      // A client's own token is never passed on; only the door's.
      delete request.headers[PLACE_HEADER];
      const admission = sharedAdmission();
      if (!admission) return false; // no registration yet in this process: the handler takes its place
      const retryAfterSeconds = admission.refusalNow();
      if (retryAfterSeconds !== null) {
        const answer = busyAnswer(retryAfterSeconds);
        response.writeHead(answer.status, answer.headers);
        // The unread upload is drained by Node and the connection kept, so the browser reads this
        // answer (closing a socket with unread data resets it: a network error instead of
        // "Server sedang sibuk").
        response.end(answer.body);
        return true;
      }
      const place = admission.hold();
      const token = randomBytes(16).toString("base64url");
      places().set(token, place);
      request.headers[PLACE_HEADER] = token;
      // Whatever becomes of the request (refused by the handler, the client gone), its place is
      // given back when it ends; after the handler brought it to its run this does nothing.
      response.once("close", () => {
        places().delete(token);
        place.release();
      });
      handOver.push({ request, response, since: performance.now() });
      if (handOver.length === 1) setImmediate(next);
      return true;
    },
  };
}
