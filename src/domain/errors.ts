/**
 * Every error an applicant or a client can see: a stable code (SPEC "HTTP API"), the HTTP status
 * it maps to, and a message in Indonesian. Messages never carry personal data.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  REGISTRATION_NOT_OPEN: 403,
  REGISTRATION_CLOSED: 403,
  AGENCY_FORMATION_NOT_VERIFIED: 403,
  AGENCY_NOT_FOUND: 422,
  AGENCY_ALREADY_VERIFIED: 409,
  CAPTCHA_INVALID: 422,
  NIK_NOT_FOUND: 422,
  DUKCAPIL_MISMATCH: 422,
  NIK_ALREADY_REGISTERED: 409,
  EMAIL_ALREADY_REGISTERED: 409,
  PHONE_ALREADY_REGISTERED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INTERNAL_ERROR: 500,
  SERVER_BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "Data yang Anda isi belum sesuai. Periksa kembali isian yang ditandai.",
  REGISTRATION_NOT_OPEN: "Pendaftaran belum dibuka.",
  REGISTRATION_CLOSED: "Pendaftaran sudah ditutup.",
  AGENCY_FORMATION_NOT_VERIFIED:
    "Formasi instansi ini masih dalam proses verifikasi, sehingga akun belum dapat dibuat untuk instansi ini. Silakan cek SSCASN secara berkala dan pantau akun media sosial resmi BKN serta instansi yang Anda tuju.",
  AGENCY_NOT_FOUND: "Instansi tidak ditemukan.",
  AGENCY_ALREADY_VERIFIED: "Formasi instansi ini sudah diverifikasi. Anda dapat langsung membuat akun.",
  CAPTCHA_INVALID: "Kode captcha salah atau sudah kedaluwarsa. Silakan isi captcha yang baru.",
  NIK_NOT_FOUND: "NIK tidak ditemukan.",
  DUKCAPIL_MISMATCH: "Data tidak sesuai dengan data Dukcapil.",
  NIK_ALREADY_REGISTERED: "NIK sudah terdaftar.",
  EMAIL_ALREADY_REGISTERED: "Email sudah terdaftar.",
  PHONE_ALREADY_REGISTERED: "Nomor HP sudah terdaftar.",
  PAYLOAD_TOO_LARGE: "Ukuran data yang dikirim terlalu besar.",
  UNSUPPORTED_MEDIA_TYPE: "Format data tidak didukung.",
  RATE_LIMITED: "Terlalu banyak percobaan. Silakan coba lagi beberapa saat lagi.",
  UNAUTHORIZED: "Silakan masuk terlebih dahulu.",
  FORBIDDEN: "Anda tidak memiliki akses ke halaman ini.",
  NOT_FOUND: "Data tidak ditemukan.",
  SERVER_BUSY: "Server sedang sibuk melayani banyak pendaftar. Data Anda tidak hilang; silakan coba lagi beberapa saat lagi.",
  INTERNAL_ERROR: "Terjadi kesalahan pada sistem. Silakan coba lagi.",
};

/** Field name → Indonesian messages, as in the API's `fields`. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldErrors | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(options.message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/** A refusal about one field: the code's own message, shown by that field too. */
export function fieldRefusal(code: ErrorCode, field: string): AppError {
  return new AppError(code, { fields: { [field]: [DEFAULT_MESSAGES[code]] } });
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
