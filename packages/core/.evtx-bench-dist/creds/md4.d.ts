/**
 * MD4 (RFC 1320) and the NT hash (MD4 of the UTF-16LE password, MS-NLMP 3.3.1 NTOWFv1).
 *
 * Node 20's OpenSSL 3 refuses MD4 without the legacy provider, so it is written here in plain
 * TypeScript. The common case, a password of up to 27 UTF-16 code units, fits in one 64-byte block;
 * that path works on 16 words in a reused Uint32Array with no allocation, which is what makes
 * bulk hashing of wordlists and password variants fast (several million hashes per second).
 */
/** MD4 of arbitrary bytes (RFC 1320 section 3.1-3.5), as 16 bytes. */
export declare function md4(data: Uint8Array): Uint8Array;
/**
 * The NT hash of a password as four little-endian words in `out` (no allocation on the fast path).
 * UTF-16LE encoding of the JavaScript string (which is already UTF-16), MS-NLMP 3.3.1.
 */
export declare function ntHashWords(password: string, out?: Uint32Array): Uint32Array;
/**
 * The NT hash of `head + tail` without building the string (the variant search hashes one root
 * with tens of thousands of endings). Same result as `ntHashWords(head + tail)`.
 */
export declare function ntHashConcatWords(head: string, tail: string, out?: Uint32Array): Uint32Array;
/** Four little-endian words (an MD4 state) as the usual lowercase hex digest. */
export declare function wordsToHex(w: Uint32Array): string;
/** The NT hash of a password, 32 lowercase hex digits. */
export declare function ntHash(password: string): string;
/** NT hash of the empty password (a disabled or blank account). */
export declare const EMPTY_NT = "31d6cfe0d16ae931b73c59d7e0c089c0";
/** LM hash of the empty password: what modern Windows stores when LM storage is off. */
export declare const EMPTY_LM = "aad3b435b51404eeaad3b435b51404ee";
