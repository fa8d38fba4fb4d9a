/**
 * The one place readers report a bad record or input: strict mode turns an error into a thrown
 * HaechiError('input') naming file, line/record and field; otherwise the problem goes to
 * `opts.onProblem`, or, when the caller gave none, to a process warning on stderr, so nothing is
 * ever dropped silently.
 */
import { HaechiError } from '../errors.js';
export function describeProblem(p) {
    const where = [p.file, p.line ?? p.record].filter((x) => x !== undefined).join(':');
    const rec = p.record !== undefined && p.line !== undefined ? ` record ${p.record}` : '';
    const field = p.field ? ` (field ${p.field})` : '';
    return `${where}${rec}: ${p.reason}${field}`;
}
export function reportProblem(opts, p) {
    if (opts.strict && p.level === 'error') {
        throw new HaechiError('input', p.reason, {
            file: p.file,
            line: p.line,
            record: p.record,
            field: p.field,
        });
    }
    if (opts.onProblem)
        opts.onProblem(p);
    else
        process.emitWarning(describeProblem(p), {
            code: p.level === 'error' ? 'HAECHI_INPUT_ERROR' : 'HAECHI_INPUT_WARNING',
        });
}
//# sourceMappingURL=problems.js.map