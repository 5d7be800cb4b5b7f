/** SHA-256's round constants. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const schedule = new Int32Array(64);
/** The padded message of ASCII texts up to 247 characters (4 blocks): most keys; longer or other texts get their own. */
const shortMessage = new Uint8Array(256);
const head = new Uint32Array(2);

/** `text` as UTF-8 bytes, padded to whole 64-byte blocks as SHA-256 pads a message (0x80, zeros, bit length). */
function paddedMessage(text: string): { bytes: Uint8Array; length: number } {
  let bytes = shortMessage;
  let length = text.length;
  let ascii = length + 9 <= shortMessage.length;
  if (ascii) {
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) {
        ascii = false;
        break;
      }
      bytes[i] = code;
    }
  }
  if (!ascii) {
    const utf8 = Buffer.from(text, "utf8");
    length = utf8.length;
    bytes = new Uint8Array(((length + 9 + 63) >>> 6) << 6);
    bytes.set(utf8);
  }
  const total = ((length + 9 + 63) >>> 6) << 6;
  bytes[length] = 0x80;
  bytes.fill(0, length + 1, total - 8);
  // the message's length in bits, big-endian 64-bit (texts here are far below 2^29 bytes)
  const bits = length * 8;
  bytes[total - 8] = 0;
  bytes[total - 7] = 0;
  bytes[total - 6] = 0;
  bytes[total - 5] = Math.floor(bits / 2 ** 32) & 0xff;
  bytes[total - 4] = bits >>> 24;
  bytes[total - 3] = (bits >>> 16) & 0xff;
  bytes[total - 2] = (bits >>> 8) & 0xff;
  bytes[total - 1] = bits & 0xff;
  return { bytes, length: total };
}

/**
 * The first 64 bits of SHA-256 of `text`'s UTF-8 bytes (lone surrogates as U+FFFD, as Node encodes them), as two
 * unsigned 32-bit halves: `[0]` the high half (digest bytes 0–3, big-endian), `[1]` the low half (bytes 4–7). The
 * same bits as `crypto.hash("sha256", text)` (a test compares them), ~2.5× faster for the short keys the choice order
 * hashes (one per row and seed of an export, where the call into the native hash costs more than the hash).
 *
 * The array is shared and overwritten by the next call: read it at once.
 */
export function sha256Head(text: string): Uint32Array {
  const { bytes, length } = paddedMessage(text);
  const w = schedule;
  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;
  for (let block = 0; block < length; block += 64) {
    for (let i = 0; i < 16; i++) {
      const j = block + i * 4;
      w[i] =
        ((bytes[j] as number) << 24) |
        ((bytes[j + 1] as number) << 16) |
        ((bytes[j + 2] as number) << 8) |
        (bytes[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15] as number;
      const w2 = w[i - 2] as number;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const choice = (e & f) ^ (~e & g);
      const t1 = (h + s1 + choice + (K[i] as number) + (w[i] as number)) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const majority = (a & b) ^ (a & c) ^ (b & c);
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + s0 + majority) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  head[0] = h0;
  head[1] = h1;
  return head;
}
