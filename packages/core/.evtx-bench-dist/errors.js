export class HaechiError extends Error {
    code;
    file;
    line;
    record;
    field;
    constructor(code, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'HaechiError';
        this.code = code;
        this.file = details.file;
        this.line = details.line;
        this.record = details.record;
        this.field = details.field;
    }
    /** "file:line: message" style, the way people read it in a terminal. */
    describe() {
        const where = [this.file, this.line ?? this.record].filter((x) => x !== undefined).join(':');
        const field = this.field ? ` (field ${this.field})` : '';
        return `${where ? `${where}: ` : ''}${this.message}${field}`;
    }
}
const EXIT = {
    usage: 2,
    config: 2,
    rule: 2,
    input: 3,
    'not-found': 3,
    auth: 2,
    forbidden: 2,
    conflict: 2,
    internal: 70,
};
const HTTP = {
    usage: 400,
    config: 400,
    rule: 400,
    input: 422,
    'not-found': 404,
    auth: 401,
    forbidden: 403,
    conflict: 409,
    internal: 500,
};
export function exitCodeOf(err) {
    return err instanceof HaechiError ? EXIT[err.code] : 70;
}
export function httpStatusOf(err) {
    return err instanceof HaechiError ? HTTP[err.code] : 500;
}
//# sourceMappingURL=errors.js.map