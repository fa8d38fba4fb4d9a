/**
 * MD4 (RFC 1320) and the NT hash (MD4 of the UTF-16LE password, MS-NLMP 3.3.1 NTOWFv1).
 *
 * Node 20's OpenSSL 3 refuses MD4 without the legacy provider, so it is written here in plain
 * TypeScript. The common case, a password of up to 27 UTF-16 code units, fits in one 64-byte block;
 * that path works on 16 words in a reused Uint32Array with no allocation, which is what makes
 * bulk hashing of wordlists and password variants fast (several million hashes per second).
 */
const W = new Uint32Array(16);
const OUT = new Uint32Array(4);
/** RFC 1320 section 3.4: the three rounds over one 16-word block, added into `state`. */
function md4Block(state, x) {
    let a = state[0] | 0;
    let b = state[1] | 0;
    let c = state[2] | 0;
    let d = state[3] | 0;
    // Round 1: F(X,Y,Z) = XY v not(X) Z, shifts 3 7 11 19
    a = rotl((a + ((b & c) | (~b & d)) + x[0]) | 0, 3);
    d = rotl((d + ((a & b) | (~a & c)) + x[1]) | 0, 7);
    c = rotl((c + ((d & a) | (~d & b)) + x[2]) | 0, 11);
    b = rotl((b + ((c & d) | (~c & a)) + x[3]) | 0, 19);
    a = rotl((a + ((b & c) | (~b & d)) + x[4]) | 0, 3);
    d = rotl((d + ((a & b) | (~a & c)) + x[5]) | 0, 7);
    c = rotl((c + ((d & a) | (~d & b)) + x[6]) | 0, 11);
    b = rotl((b + ((c & d) | (~c & a)) + x[7]) | 0, 19);
    a = rotl((a + ((b & c) | (~b & d)) + x[8]) | 0, 3);
    d = rotl((d + ((a & b) | (~a & c)) + x[9]) | 0, 7);
    c = rotl((c + ((d & a) | (~d & b)) + x[10]) | 0, 11);
    b = rotl((b + ((c & d) | (~c & a)) + x[11]) | 0, 19);
    a = rotl((a + ((b & c) | (~b & d)) + x[12]) | 0, 3);
    d = rotl((d + ((a & b) | (~a & c)) + x[13]) | 0, 7);
    c = rotl((c + ((d & a) | (~d & b)) + x[14]) | 0, 11);
    b = rotl((b + ((c & d) | (~c & a)) + x[15]) | 0, 19);
    // Round 2: G(X,Y,Z) = XY v XZ v YZ, constant 0x5A827999, shifts 3 5 9 13
    const K2 = 0x5a827999;
    a = rotl((a + ((b & c) | (b & d) | (c & d)) + x[0] + K2) | 0, 3);
    d = rotl((d + ((a & b) | (a & c) | (b & c)) + x[4] + K2) | 0, 5);
    c = rotl((c + ((d & a) | (d & b) | (a & b)) + x[8] + K2) | 0, 9);
    b = rotl((b + ((c & d) | (c & a) | (d & a)) + x[12] + K2) | 0, 13);
    a = rotl((a + ((b & c) | (b & d) | (c & d)) + x[1] + K2) | 0, 3);
    d = rotl((d + ((a & b) | (a & c) | (b & c)) + x[5] + K2) | 0, 5);
    c = rotl((c + ((d & a) | (d & b) | (a & b)) + x[9] + K2) | 0, 9);
    b = rotl((b + ((c & d) | (c & a) | (d & a)) + x[13] + K2) | 0, 13);
    a = rotl((a + ((b & c) | (b & d) | (c & d)) + x[2] + K2) | 0, 3);
    d = rotl((d + ((a & b) | (a & c) | (b & c)) + x[6] + K2) | 0, 5);
    c = rotl((c + ((d & a) | (d & b) | (a & b)) + x[10] + K2) | 0, 9);
    b = rotl((b + ((c & d) | (c & a) | (d & a)) + x[14] + K2) | 0, 13);
    a = rotl((a + ((b & c) | (b & d) | (c & d)) + x[3] + K2) | 0, 3);
    d = rotl((d + ((a & b) | (a & c) | (b & c)) + x[7] + K2) | 0, 5);
    c = rotl((c + ((d & a) | (d & b) | (a & b)) + x[11] + K2) | 0, 9);
    b = rotl((b + ((c & d) | (c & a) | (d & a)) + x[15] + K2) | 0, 13);
    // Round 3: H(X,Y,Z) = X xor Y xor Z, constant 0x6ED9EBA1, shifts 3 9 11 15
    const K3 = 0x6ed9eba1;
    a = rotl((a + (b ^ c ^ d) + x[0] + K3) | 0, 3);
    d = rotl((d + (a ^ b ^ c) + x[8] + K3) | 0, 9);
    c = rotl((c + (d ^ a ^ b) + x[4] + K3) | 0, 11);
    b = rotl((b + (c ^ d ^ a) + x[12] + K3) | 0, 15);
    a = rotl((a + (b ^ c ^ d) + x[2] + K3) | 0, 3);
    d = rotl((d + (a ^ b ^ c) + x[10] + K3) | 0, 9);
    c = rotl((c + (d ^ a ^ b) + x[6] + K3) | 0, 11);
    b = rotl((b + (c ^ d ^ a) + x[14] + K3) | 0, 15);
    a = rotl((a + (b ^ c ^ d) + x[1] + K3) | 0, 3);
    d = rotl((d + (a ^ b ^ c) + x[9] + K3) | 0, 9);
    c = rotl((c + (d ^ a ^ b) + x[5] + K3) | 0, 11);
    b = rotl((b + (c ^ d ^ a) + x[13] + K3) | 0, 15);
    a = rotl((a + (b ^ c ^ d) + x[3] + K3) | 0, 3);
    d = rotl((d + (a ^ b ^ c) + x[11] + K3) | 0, 9);
    c = rotl((c + (d ^ a ^ b) + x[7] + K3) | 0, 11);
    b = rotl((b + (c ^ d ^ a) + x[15] + K3) | 0, 15);
    state[0] = (state[0] + a) | 0;
    state[1] = (state[1] + b) | 0;
    state[2] = (state[2] + c) | 0;
    state[3] = (state[3] + d) | 0;
}
function rotl(v, s) {
    return (v << s) | (v >>> (32 - s));
}
function initState(state) {
    state[0] = 0x67452301;
    state[1] = 0xefcdab89;
    state[2] = 0x98badcfe;
    state[3] = 0x10325476;
}
/** MD4 of arbitrary bytes (RFC 1320 section 3.1-3.5), as 16 bytes. */
export function md4(data) {
    const state = new Uint32Array(4);
    initState(state);
    const len = data.length;
    // padding: 0x80, zeros to 56 mod 64, then the bit length as 64-bit little-endian
    const total = (((len + 8) >>> 6) + 1) << 6;
    const buf = new Uint8Array(total);
    buf.set(data);
    buf[len] = 0x80;
    const bits = len * 8;
    const dv = new DataView(buf.buffer);
    dv.setUint32(total - 8, bits >>> 0, true);
    dv.setUint32(total - 4, Math.floor(bits / 0x100000000), true);
    const x = new Uint32Array(16);
    for (let off = 0; off < total; off += 64) {
        for (let i = 0; i < 16; i++)
            x[i] = dv.getUint32(off + i * 4, true);
        md4Block(state, x);
    }
    return new Uint8Array(state.buffer.slice(0));
}
/**
 * The NT hash of a password as four little-endian words in `out` (no allocation on the fast path).
 * UTF-16LE encoding of the JavaScript string (which is already UTF-16), MS-NLMP 3.3.1.
 */
export function ntHashWords(password, out = OUT) {
    const n = password.length;
    if (n <= 27) {
        // one block: 2n bytes of text, 0x80, zeros, length in bits at word 14
        W.fill(0);
        for (let i = 0; i < n; i++) {
            const cu = password.charCodeAt(i);
            W[i >>> 1] |= (i & 1) === 0 ? cu : cu << 16;
        }
        W[n >>> 1] |= (n & 1) === 0 ? 0x80 : 0x80 << 16;
        W[14] = n * 16;
        initState(out);
        md4Block(out, W);
        return out;
    }
    const bytes = Buffer.from(password, 'utf16le');
    const h = md4(bytes);
    const dv = new DataView(h.buffer, h.byteOffset, 16);
    for (let i = 0; i < 4; i++)
        out[i] = dv.getUint32(i * 4, true);
    return out;
}
/**
 * The NT hash of `head + tail` without building the string (the variant search hashes one root
 * with tens of thousands of endings). Same result as `ntHashWords(head + tail)`.
 */
export function ntHashConcatWords(head, tail, out = OUT) {
    const h = head.length;
    const n = h + tail.length;
    if (n > 27)
        return ntHashWords(head + tail, out);
    W.fill(0);
    for (let i = 0; i < h; i++) {
        const cu = head.charCodeAt(i);
        W[i >>> 1] |= (i & 1) === 0 ? cu : cu << 16;
    }
    for (let j = 0; j < tail.length; j++) {
        const i = h + j;
        const cu = tail.charCodeAt(j);
        W[i >>> 1] |= (i & 1) === 0 ? cu : cu << 16;
    }
    W[n >>> 1] |= (n & 1) === 0 ? 0x80 : 0x80 << 16;
    W[14] = n * 16;
    initState(out);
    md4Block(out, W);
    return out;
}
const HEX = [];
for (let i = 0; i < 256; i++)
    HEX.push(i.toString(16).padStart(2, '0'));
/** Four little-endian words (an MD4 state) as the usual lowercase hex digest. */
export function wordsToHex(w) {
    let s = '';
    for (let i = 0; i < 4; i++) {
        const v = w[i];
        s += HEX[v & 0xff] + HEX[(v >>> 8) & 0xff] + HEX[(v >>> 16) & 0xff] + HEX[(v >>> 24) & 0xff];
    }
    return s;
}
/** The NT hash of a password, 32 lowercase hex digits. */
export function ntHash(password) {
    return wordsToHex(ntHashWords(password));
}
/** NT hash of the empty password (a disabled or blank account). */
export const EMPTY_NT = '31d6cfe0d16ae931b73c59d7e0c089c0';
/** LM hash of the empty password: what modern Windows stores when LM storage is off. */
export const EMPTY_LM = 'aad3b435b51404eeaad3b435b51404ee';
//# sourceMappingURL=md4.js.map