import "server-only";
import { z } from "zod";
import { AppError } from "@/domain/errors";
import { closingDate, type RegistrationPeriod } from "@/domain/registration/window";
import { STEP_IDS, STEP_SCHEMAS } from "@/schemas";
import { captchaSchema } from "@/schemas/captcha";
import { makePasswordSchema, passwordContextFrom } from "@/schemas/password";
import { checkCaptcha } from "@/server/captcha/verify-captcha";
import { checkIdentity } from "@/server/registration/check-identity";

const requestSchema = z.object({
  step: z.enum(STEP_IDS),
  data: z.unknown(),
  /** The identity step's answers, so the password step can be judged against them. */
  identity: z.unknown().optional(),
});

/**
 * `POST /api/registrations/validate`: the step's shared schema plus the server-only checks the
 * step has. The route checks the registration window before it even reads the body (SPEC).
 */
export async function validateRegistrationStep(body: unknown, period: RegistrationPeriod): Promise<void> {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { fields: { step: ["Langkah pendaftaran tidak dikenal."] } });
  }
  const { step, data, identity } = parsed.data;
  switch (step) {
    case "identity":
      await checkIdentity(data, { closingDate: closingDate(period) });
      return;
    case "password":
      makePasswordSchema(passwordContextFrom(identity)).parse(data);
      return;
    case "captcha": {
      // A right answer stays valid for the submission; a wrong one is burnt (the client fetches a new one).
      const { captchaId, captchaAnswer } = captchaSchema.parse(data);
      await checkCaptcha(captchaId, captchaAnswer);
      return;
    }
    default:
      STEP_SCHEMAS[step].parse(data);
  }
}
