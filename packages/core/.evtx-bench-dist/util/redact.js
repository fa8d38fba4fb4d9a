/**
 * Secrets typed on command lines (archive passwords, `net user` passwords, bearer tokens,
 * credentials in URLs) are evidence, but haechi never stores or prints a plaintext secret by
 * default: findings carry the command line with the secret replaced, and say it was.
 */
const REDACTED = '[redacted]';
/** [pattern, replacement]; each keeps the switch so the analyst still sees what was done. */
const RULES = [
    // 7-Zip / RAR: -pSECRET, -hpSECRET (a bare -p asks interactively: nothing to hide)
    // (lower case, as the tools document it; -Password and friends are handled below)
    [/(\s-h?p)(?![\s]|ass(?:word|wd)?\b|wd?\b)("[^"]*"|\S+)/g, `$1${REDACTED}`],
    // net user NAME PASSWORD [/add ...]; `*` asks interactively
    [/(\bnet1?(?:\.exe)?\s+user\s+(?:"[^"]+"|\S+)\s+)(?!\/)(?!\*)("[^"]*"|\S+)/gi, `$1${REDACTED}`],
    // psexec / paexec style: -u USER -p SECRET
    [/(\s-u\s+(?:"[^"]*"|\S+)\s+-p\s+)("[^"]*"|\S+)/gi, `$1${REDACTED}`],
    // /p:SECRET, /password:SECRET (runas, msiexec, schtasks /rp, psexec -p)
    [/(\s\/(?:p|pass|password|rp)[:=]?\s?)(?!\s)("[^"]*"|\S+)/gi, `$1${REDACTED}`],
    // -Password SECRET, --password=SECRET, -pw SECRET, -passwd SECRET
    [/(\s--?(?:password|passwd|pwd|pw|pass)(?:\s+|=|:))("[^"]*"|'[^']*'|\S+)/gi, `$1${REDACTED}`],
    // HTTP credentials in headers
    [/(\b(?:authorization:\s*)?(?:bearer|basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`],
    // scheme://user:secret@host
    [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`],
    // ConvertTo-SecureString "secret" -AsPlainText
    [/(ConvertTo-SecureString\s+(?:-String\s+)?)("[^"]*"|'[^']*')/gi, `$1"${REDACTED}"`],
];
/** The text with secrets replaced; the same string object when nothing was found. */
export function redactSecrets(text) {
    let out = text;
    for (const [re, rep] of RULES)
        out = out.replace(re, rep);
    return out;
}
/** Event fields that hold command lines or scripts, where typed secrets end up. */
export const SECRET_BEARING_FIELDS = [
    'CommandLine',
    'ParentCommandLine',
    'ProcessCommandLine',
    'ScriptBlockText',
    'Payload',
    'TaskContent',
    'ImagePath',
];
/**
 * A copy of `fields` with secrets redacted in command-line fields, or the same object when
 * nothing needed it.
 */
export function redactEventFields(fields) {
    let copy;
    for (const k of SECRET_BEARING_FIELDS) {
        const v = fields[k];
        if (typeof v !== 'string')
            continue;
        const r = redactSecrets(v);
        if (r !== v) {
            copy ??= { ...fields };
            copy[k] = r;
        }
    }
    return copy ?? fields;
}
//# sourceMappingURL=redact.js.map