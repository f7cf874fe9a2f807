import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { AppError } from "@/domain/errors";
import { authOptions } from "@/server/auth/auth-options";
import { guardSignInAttempt } from "@/server/auth/guard-sign-in-attempt";
import { readAuthRequest } from "@/server/auth/read-auth-request";
import { toErrorResponse } from "@/server/http";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

// next-auth reads no body on a GET. Every provider is a credentials one, which has no GET
// callback: next-auth throws for one (a 500), so it is answered 404 here.
export async function GET(request: NextRequest, context: Context): Promise<Response> {
  if ((await context.params).nextauth[0] === "callback") return toErrorResponse(new AppError("NOT_FOUND"));
  return handle(request, context);
}

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  let limited: NextRequest;
  try {
    // The body is read here, within its limit (413 past it), and next-auth gets only those bytes.
    limited = await readAuthRequest(request);
    // A throttled sign-in is answered 429 + Retry-After here, before next-auth runs.
    await guardSignInAttempt(limited, (await context.params).nextauth);
  } catch (error) {
    return toErrorResponse(error);
  }
  return handle(limited, context);
}
