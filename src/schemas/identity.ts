/**
 * Step 1, Identitas: who the applicant is and which agency they apply to. The fields, limits and
 * messages live in facts/identity.ts (no zod, so a page can show them without loading zod) and are
 * re-exported here.
 */
import { z } from "zod";
import { formatIsoDate, parseIsoDate } from "@/domain/calendar";
import { checkAge } from "@/domain/registration/age";
import { normalizeEmail } from "@/domain/registration/email";
import { parseKk } from "@/domain/registration/kk";
import { normalizeBirthPlace, normalizeFullName } from "@/domain/registration/name";
import { genderFromNik, nikMatchesBirthDate, parseNik } from "@/domain/registration/nik";
import { normalizePhone } from "@/domain/registration/phone";
import { CPNS_2023_PERIOD, closingDate as closingDateOf } from "@/domain/registration/window";
import {
  AGENCY_CODE_MAX,
  AGENCY_CODE_PATTERN,
  BIRTH_YEAR_MIN,
  IDENTITY_MESSAGES,
  type IdentityField,
  type IdentitySchemaOptions,
} from "@/schemas/facts/identity";
import { INVALID_PAYLOAD_MESSAGE, fieldsPassed, fromResult } from "@/schemas/shared";

export * from "@/schemas/facts/identity";

export function makeIdentitySchema({ closingDate }: IdentitySchemaOptions) {
  return z
    .object({
      nik: z
        .string({ error: IDENTITY_MESSAGES.nikRequired })
        .transform((value, ctx) => fromResult(parseNik(value, closingDate), ctx).nik),
      kk: z
        .string({ error: IDENTITY_MESSAGES.kkRequired })
        .transform((value, ctx) => fromResult(parseKk(value, closingDate), ctx).kk),
      fullName: z
        .string({ error: IDENTITY_MESSAGES.fullNameRequired })
        .transform((value, ctx) => fromResult(normalizeFullName(value), ctx)),
      birthPlace: z
        .string({ error: IDENTITY_MESSAGES.birthPlaceRequired })
        .transform((value, ctx) => fromResult(normalizeBirthPlace(value), ctx)),
      birthDate: z.string({ error: IDENTITY_MESSAGES.birthDateRequired }).transform((value, ctx) => {
        const text = value.trim();
        if (text === "") {
          ctx.addIssue({ code: "custom", message: IDENTITY_MESSAGES.birthDateRequired });
          return z.NEVER;
        }
        const date = parseIsoDate(text);
        if (!date || date.year < BIRTH_YEAR_MIN) {
          ctx.addIssue({ code: "custom", message: IDENTITY_MESSAGES.birthDateInvalid });
          return z.NEVER;
        }
        const age = checkAge(date, closingDate);
        if (!age.ok) {
          ctx.addIssue({ code: "custom", message: age.message });
          return z.NEVER;
        }
        return formatIsoDate(date);
      }),
      phone: z
        .string({ error: IDENTITY_MESSAGES.phoneRequired })
        .transform((value, ctx) => fromResult(normalizePhone(value), ctx)),
      email: z
        .string({ error: IDENTITY_MESSAGES.emailRequired })
        .transform((value, ctx) => fromResult(normalizeEmail(value), ctx)),
      agencyCode: z
        .string({ error: IDENTITY_MESSAGES.agencyRequired })
        .trim()
        .min(1, IDENTITY_MESSAGES.agencyRequired)
        .max(AGENCY_CODE_MAX, IDENTITY_MESSAGES.agencyInvalid)
        .regex(AGENCY_CODE_PATTERN, IDENTITY_MESSAGES.agencyInvalid),
    } satisfies Record<IdentityField, z.ZodType>, { error: INVALID_PAYLOAD_MESSAGE })
    .superRefine(
      (values, ctx) => {
        const birthDate = parseIsoDate(values.birthDate);
        if (birthDate && !nikMatchesBirthDate(values.nik, birthDate)) {
          ctx.addIssue({ code: "custom", path: ["nik"], message: IDENTITY_MESSAGES.nikBirthDateMismatch });
        }
      },
      // Shown alongside other fields' errors, but only once NIK and birth date are each valid.
      { when: fieldsPassed("nik", "birthDate") },
    )
    .transform((values) => ({ ...values, gender: genderFromNik(values.nik) }));
}

export const identitySchema = makeIdentitySchema({ closingDate: closingDateOf(CPNS_2023_PERIOD) });

export type IdentityInput = z.input<typeof identitySchema>;
export type IdentityValues = z.output<typeof identitySchema>;
