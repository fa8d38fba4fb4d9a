/**
 * Secrets typed on command lines (archive passwords, `net user` passwords, bearer tokens,
 * credentials in URLs) are evidence, but haechi never stores or prints a plaintext secret by
 * default: findings carry the command line with the secret replaced, and say it was.
 */
/** The text with secrets replaced; the same string object when nothing was found. */
export declare function redactSecrets(text: string): string;
/** Event fields that hold command lines or scripts, where typed secrets end up. */
export declare const SECRET_BEARING_FIELDS: readonly string[];
/**
 * A copy of `fields` with secrets redacted in command-line fields, or the same object when
 * nothing needed it.
 */
export declare function redactEventFields(fields: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>;
