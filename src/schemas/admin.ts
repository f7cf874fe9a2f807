import { z } from "zod";
import { FORMATION_STATUSES } from "@/domain/registration/readiness";

/** `PATCH /api/admin/agencies/{code}` */
export const agencyFormationSchema = z.object({
  formationStatus: z.enum(FORMATION_STATUSES, { error: "Status formasi harus VERIFIED atau IN_VERIFICATION." }),
});

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} harus berupa waktu ISO-8601 lengkap dengan zona waktu.` }).transform((value) => new Date(value));

/** `PUT /api/admin/schedule`: a closing before (or at) the opening is refused. */
export const scheduleSchema = z
  .object({ opensAt: instant("Waktu pembukaan"), closesAt: instant("Waktu penutupan") })
  .refine((schedule) => schedule.closesAt.getTime() > schedule.opensAt.getTime(), {
    path: ["closesAt"],
    message: "Waktu penutupan harus setelah waktu pembukaan.",
    // Compared only once both instants parsed (zod 4 runs refinements after field issues too).
    when: (payload) => {
      // The body may be anything, `null` included.
      const value = payload.value as { opensAt?: unknown; closesAt?: unknown } | null | undefined;
      return value?.opensAt instanceof Date && value.closesAt instanceof Date;
    },
  });

export type ScheduleValues = z.output<typeof scheduleSchema>;
