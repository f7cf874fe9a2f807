/**
 * The registration window. Times are instants; everything shown to applicants is in WIB
 * (UTC+7, no daylight saving), computed by offsetting UTC so the server's time zone never matters.
 */
import { type CalendarDate, pad2 } from "@/domain/calendar";
import { AppError } from "@/domain/errors";

export type RegistrationPeriod = { opensAt: Date; closesAt: Date };
export type RegistrationWindowStatus = "upcoming" | "open" | "closed";

/** Seed values only: the live schedule is data that admins may move (SPEC "Registration window"). */
export const CPNS_2023_PERIOD: Readonly<RegistrationPeriod> = Object.freeze({
  opensAt: new Date("2023-09-20T00:00:00+07:00"),
  closesAt: new Date("2023-10-08T23:59:59+07:00"),
});

/** The opening announced first, before the postponement to 20 September. */
export const CPNS_2023_ORIGINAL_OPENS_AT = new Date("2023-09-17T00:00:00+07:00");

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Indonesian month names, January first. */
export const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

/** A Date whose UTC fields read as WIB wall-clock time. */
function wibFields(date: Date): Date {
  return new Date(date.getTime() + WIB_OFFSET_MS);
}

export function toWibCalendarDate(date: Date): CalendarDate {
  const wib = wibFields(date);
  return { year: wib.getUTCFullYear(), month: wib.getUTCMonth() + 1, day: wib.getUTCDate() };
}

/** The hour of the day (0–23) in WIB. */
export function wibHour(date: Date): number {
  return wibFields(date).getUTCHours();
}

/** "20 September 2023" */
export function formatWibDate(date: Date): string {
  const { year, month, day } = toWibCalendarDate(date);
  return `${day} ${MONTHS_ID[month - 1]} ${year}`;
}

/** "20 September 2023 pukul 00.00 WIB" (Indonesian writes the time with a dot). */
export function formatWib(date: Date): string {
  const wib = wibFields(date);
  return `${formatWibDate(date)} pukul ${pad2(wib.getUTCHours())}.${pad2(wib.getUTCMinutes())} WIB`;
}

/** Both ends inclusive: 23:59:59 on the closing day is still open. */
export function registrationWindowStatus(now: Date, period: RegistrationPeriod): RegistrationWindowStatus {
  if (now.getTime() < period.opensAt.getTime()) return "upcoming";
  if (now.getTime() > period.closesAt.getTime()) return "closed";
  return "open";
}

/** The closing day in WIB, the reference date for the age, NIK-century and KK-date rules. */
export function closingDate(period: RegistrationPeriod): CalendarDate {
  return toWibCalendarDate(period.closesAt);
}

export function assertRegistrationOpen(now: Date, period: RegistrationPeriod): void {
  const status = registrationWindowStatus(now, period);
  if (status === "upcoming") {
    throw new AppError("REGISTRATION_NOT_OPEN", {
      message: `Pendaftaran belum dibuka. Pendaftaran dibuka pada ${formatWib(period.opensAt)}.`,
    });
  }
  if (status === "closed") {
    throw new AppError("REGISTRATION_CLOSED", {
      message: `Pendaftaran sudah ditutup pada ${formatWib(period.closesAt)}.`,
    });
  }
}
