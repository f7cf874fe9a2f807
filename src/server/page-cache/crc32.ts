/**
 * CRC-32 (the gzip trailer's checksum) and its combination: the checksum of `a ‖ b` from those of
 * `a` and `b` and the length of `b`, without reading either again (zlib's crc32_combine_gen and
 * crc32_combine_op). The page cache (./nonce-template.ts) checksums a page's fixed parts once and
 * its fresh nonce per answer, so a gzip answer costs no pass over the page.
 */
const POLY = 0xedb88320;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** a(x)·b(x) modulo the CRC polynomial, in the reflected bit order CRC-32 uses. */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^n) modulo p, n = 0…31. */
const X2N = (() => {
  const table = new Uint32Array(32);
  let p = 1 << 30; // x^1
  table[0] = p;
  for (let n = 1; n < 32; n++) table[n] = p = multiplyModP(p, p);
  return table;
})();

/** The operator that appends `length` bytes: pass it to `crc32Combine`. */
export function crc32CombineOperator(length: number): number {
  let p = 0x80000000; // x^0
  let k = 3; // bytes → bits
  for (let n = length; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) p = multiplyModP(X2N[k & 31]!, p);
  }
  return p;
}

/** crc32(a ‖ b) from crc32(a), crc32(b) and `crc32CombineOperator(b.length)`. */
export function crc32Combine(crcA: number, crcB: number, operator: number): number {
  return (multiplyModP(operator, crcA) ^ crcB) >>> 0;
}
