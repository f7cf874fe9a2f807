import "server-only";
import { z } from "zod";
import { AppError } from "@/domain/errors";
import { STEP_SCHEMAS } from "@/schemas";
import { checkIdentity } from "@/server/registration/check-identity";

const requestSchema = z.object({
  step: z.enum(Object.keys(STEP_SCHEMAS) as [keyof typeof STEP_SCHEMAS, ...(keyof typeof STEP_SCHEMAS)[]], {
    message: "Langkah pendaftaran tidak dikenal.",
  }),
  data: z.unknown(),
});

/**
 * `POST /api/registrations/validate`: the step's shared schema plus the server-only checks the
 * step has. The route checks the registration window before it even reads the body (SPEC).
 */
export async function validateRegistrationStep(body: unknown): Promise<void> {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { fields: { step: ["Langkah pendaftaran tidak dikenal."] } });
  }
  const { step, data } = parsed.data;
  if (step === "identity") {
    await checkIdentity(data);
    return;
  }
  STEP_SCHEMAS[step].parse(data);
}
