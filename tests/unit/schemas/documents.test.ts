import { describe, expect, it } from "vitest";
import {
  ACCEPTED_PHOTO_TYPES,
  MAX_PHOTO_BYTES,
  MAX_UPLOAD_BYTES,
  documentsSchema,
  uploadedDocumentsSchema,
} from "@/schemas/documents";
import { zodIssuesToFieldErrors } from "@/schemas/index";

const JPEG = { size: 150_000, type: "image/jpeg" };

function fieldErrors(data: unknown, schema = documentsSchema) {
  const result = schema.safeParse(data);
  expect(result.success).toBe(false);
  return result.success ? {} : zodIssuesToFieldErrors(result.error);
}

describe("document limits", () => {
  it("are 200 KB after compression, 2 MB on upload, JPEG or PNG", () => {
    expect(MAX_PHOTO_BYTES).toBe(204_800);
    expect(MAX_UPLOAD_BYTES).toBe(2_097_152);
    expect(ACCEPTED_PHOTO_TYPES).toEqual(["image/jpeg", "image/png"]);
  });
});

describe("documentsSchema", () => {
  it("accepts a compressed JPEG KTP photo and PNG selfie", () => {
    expect(documentsSchema.parse({ ktpPhoto: JPEG, selfie: { size: 1, type: "image/png" } })).toEqual({
      ktpPhoto: JPEG,
      selfie: { size: 1, type: "image/png" },
    });
  });

  it("accepts exactly 200 KB and refuses one byte more, with the message on the photo", () => {
    expect(documentsSchema.safeParse({ ktpPhoto: { ...JPEG, size: MAX_PHOTO_BYTES }, selfie: JPEG }).success).toBe(true);
    expect(fieldErrors({ ktpPhoto: { ...JPEG, size: MAX_PHOTO_BYTES + 1 }, selfie: JPEG })).toEqual({
      ktpPhoto: ["Ukuran foto maksimal 200 KB."],
    });
  });

  it("refuses other formats and empty files", () => {
    expect(fieldErrors({ ktpPhoto: JPEG, selfie: { size: 1000, type: "image/webp" } })).toEqual({
      selfie: ["Foto harus berformat JPG atau PNG."],
    });
    expect(fieldErrors({ ktpPhoto: { size: 0, type: "image/gif" }, selfie: JPEG })).toEqual({
      ktpPhoto: ["File foto kosong. Silakan ambil atau unggah ulang.", "Foto harus berformat JPG atau PNG."],
    });
  });

  it("asks for each missing photo", () => {
    expect(fieldErrors({})).toEqual({
      ktpPhoto: ["Unggah atau ambil foto KTP."],
      selfie: ["Ambil swafoto dengan kamera."],
    });
    expect(fieldErrors({ ktpPhoto: { type: "image/jpeg" }, selfie: JPEG })).toEqual({
      "ktpPhoto.size": ["Unggah atau ambil foto KTP."],
    });
  });
});

describe("uploadedDocumentsSchema", () => {
  it("allows up to 2 MB before the server re-encodes", () => {
    expect(uploadedDocumentsSchema.safeParse({ ktpPhoto: { ...JPEG, size: MAX_UPLOAD_BYTES }, selfie: JPEG }).success).toBe(true);
    expect(fieldErrors({ ktpPhoto: { ...JPEG, size: MAX_UPLOAD_BYTES + 1 }, selfie: JPEG }, uploadedDocumentsSchema)).toEqual({
      ktpPhoto: ["Ukuran foto maksimal 2 MB."],
    });
  });
});
