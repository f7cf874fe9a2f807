import zlib from "node:zlib";
import { crc32, crc32Combine, crc32CombineOperator } from "@/server/page-cache/crc32";

/**
 * A rendered page kept with a hole wherever its render's CSP nonce was, so that each answer can
 * carry a fresh nonce (ADR 0012, ADR 0019) for the price of a copy, plain or gzip.
 *
 * The gzip answer is assembled, not compressed: every part between two nonces is deflated once,
 * ending on a byte boundary (a sync flush), and each answer's nonce goes between them as a stored
 * (uncompressed) deflate block; the trailer's CRC-32 is combined from the parts' (./crc32.ts).
 * Each part is deflated with the page before it as its dictionary, nonces written as NUL bytes:
 * the page holds no NUL, so no back-reference can reach into a nonce, and a fresh nonce of the
 * same length leaves every distance as it was. The landing page comes out about a tenth larger
 * than deflating it whole (8.0 kB against 7.2 kB), at some 30 µs an answer instead of a
 * millisecond.
 */
export type PageBody = {
  /** Bytes of a nonce this body takes: the render's nonce's length (every nonce is 16 bytes in base64). */
  readonly nonceLength: number;
  /** The page with `nonce` in every place of the render's. */
  identity(nonce: string): Buffer;
  /** The same, as a gzip stream. */
  gzip(nonce: string): Buffer;
};

const WINDOW = 32 * 1024;
/** CSP's base64-value: ASCII, one byte a character. */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** The last block: empty, stored, final. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export function createPageBody(html: string, renderNonce: string): PageBody {
  const nonceLength = renderNonce.length;
  if (!BASE64.test(renderNonce)) throw new Error("a CSP nonce is base64");
  const parts = html.split(renderNonce).map((part) => Buffer.from(part, "utf8"));
  const partsLength = parts.reduce((sum, part) => sum + part.length, 0);
  const totalLength = partsLength + (parts.length - 1) * nonceLength;

  // Deflate each part with what the browser will have inflated before it (nonces as NULs) as its
  // dictionary, unless a part holds a NUL itself (never in HTML; then no dictionary, still correct).
  const noNul = parts.every((part) => !part.includes(0));
  const placeholder = Buffer.alloc(nonceLength, 0);
  const deflated: Buffer[] = [];
  let before = Buffer.alloc(0);
  for (const part of parts) {
    const dictionary = noNul && before.length > 0 ? before.subarray(Math.max(0, before.length - WINDOW)) : undefined;
    deflated.push(zlib.deflateRawSync(part, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) }));
    if (noNul) before = Buffer.concat([before.subarray(Math.max(0, before.length - WINDOW)), part, placeholder]);
  }
  const partCrcs = parts.map((part) => crc32(part));
  const partOperators = parts.map((part) => crc32CombineOperator(part.length));
  const nonceOperator = crc32CombineOperator(nonceLength);
  const storedHeader = Buffer.from([0x00, nonceLength & 0xff, nonceLength >>> 8, ~nonceLength & 0xff, (~nonceLength >>> 8) & 0xff]);
  const gzipLength =
    GZIP_HEADER.length + deflated.reduce((sum, piece) => sum + piece.length, 0) + (parts.length - 1) * (storedHeader.length + nonceLength) + FINAL_BLOCK.length + 8;

  function nonceBytes(nonce: string): Buffer {
    if (nonce.length !== nonceLength || !BASE64.test(nonce)) throw new Error(`the nonce must be ${nonceLength} base64 characters`);
    return Buffer.from(nonce, "latin1");
  }

  return {
    nonceLength,
    identity(nonce) {
      const bytes = nonceBytes(nonce);
      const pieces: Buffer[] = [];
      parts.forEach((part, i) => (i === 0 ? pieces.push(part) : pieces.push(bytes, part)));
      return Buffer.concat(pieces, totalLength);
    },
    gzip(nonce) {
      const bytes = nonceBytes(nonce);
      const nonceCrc = crc32(bytes);
      const pieces: Buffer[] = [GZIP_HEADER];
      let crc = 0;
      deflated.forEach((piece, i) => {
        if (i === 0) crc = partCrcs[0]!;
        else {
          pieces.push(storedHeader, bytes);
          crc = crc32Combine(crc32Combine(crc, nonceCrc, nonceOperator), partCrcs[i]!, partOperators[i]!);
        }
        pieces.push(piece);
      });
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc, 0);
      trailer.writeUInt32LE(totalLength % 2 ** 32, 4);
      pieces.push(FINAL_BLOCK, trailer);
      return Buffer.concat(pieces, gzipLength);
    },
  };
}
