import "server-only";
import { AppError, isAppError } from "@/domain/errors";
import { sharedKeyFactor } from "@/server/auth/client-ip";
import { RATE_LIMITS, reserveWithinKeyedRateLimit } from "@/server/rate-limit";

/**
 * Registration attempts are limited per client address and per NIK (issue 9, item 8; numbers in
 * RATE_LIMITS). What counts is an attempt that reaches the expensive part of a submission: its
 * fields well-formed, not a replay of an Idempotency-Key, its captcha right. So a typo, a wrong
 * captcha or a retry of an answered request never counts, and the wizard, which checks the
 * identity at step 1 and the captcha at step 4, makes a real applicant's submission its first
 * counted attempt. Once counted, an attempt stays counted whatever it ends with (a registry
 * mismatch, an already registered NIK), except when the server itself failed or was too busy to
 * do the work (a 5xx): then it is given back.
 */
export async function reserveRegistrationAttempt(nik: string, clientAddress: string): Promise<RegistrationAttempt> {
  // Clients without a trustworthy address share one key, with room for many (client-ip.ts).
  const address = await reserveWithinKeyedRateLimit("REGISTRATION", clientAddress, sharedKeyFactor(clientAddress)).catch(rethrowWith(MESSAGES.address));
  try {
    const person = await reserveWithinKeyedRateLimit("REGISTRATION_NIK", nik).catch(rethrowWith(MESSAGES.nik));
    return {
      settle: async (error) => {
        if (error !== undefined && !(isAppError(error) && error.status < 500)) await Promise.all([address.release(), person.release()]);
      },
    };
  } catch (error) {
    await address.release();
    throw error;
  }
}

export type RegistrationAttempt = {
  /** Called when the attempt has ended: with its error, if any (a 5xx or an unexpected one gives the attempt back). */
  settle: (error?: unknown) => Promise<void>;
};

const hours = (ms: number) => ms / (60 * 60 * 1000);
export const REGISTRATION_LIMIT_MESSAGES = {
  address: `Terlalu banyak pendaftaran dari jaringan Anda (paling banyak ${RATE_LIMITS.REGISTRATION.limit} per ${hours(RATE_LIMITS.REGISTRATION.windowMs)} jam). Silakan coba lagi nanti.`,
  nik: `Percobaan pendaftaran untuk NIK ini sudah mencapai batas (${RATE_LIMITS.REGISTRATION_NIK.limit} kali dalam ${hours(RATE_LIMITS.REGISTRATION_NIK.windowMs)} jam). Silakan coba lagi nanti.`,
} as const;
const MESSAGES = REGISTRATION_LIMIT_MESSAGES;

/** The limit's refusal, with the message that says which limit it is (Retry-After kept). */
function rethrowWith(message: string) {
  return (error: unknown): never => {
    if (isAppError(error) && error.code === "RATE_LIMITED") throw new AppError("RATE_LIMITED", { message, headers: error.headers });
    throw error;
  };
}
