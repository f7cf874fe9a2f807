import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/auth-options";
import { guardSignInAttempt } from "@/server/auth/guard-sign-in-attempt";
import { toErrorResponse } from "@/server/http";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export const GET = handle;

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  try {
    // A throttled sign-in is answered 429 + Retry-After here, before next-auth runs.
    await guardSignInAttempt(request, (await context.params).nextauth);
  } catch (error) {
    return toErrorResponse(error);
  }
  return handle(request, context);
}
