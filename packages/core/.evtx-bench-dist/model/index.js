/**
 * Haechi's core types (DESIGN.md, "Core types"). Every stage of the pipeline speaks these.
 * Times are epoch milliseconds in UTC.
 */
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'];
export function severityRank(s) {
    return SEVERITIES.indexOf(s);
}
export function isSeverity(s) {
    return typeof s === 'string' && SEVERITIES.includes(s);
}
export const silentLogger = {
    debug() { },
    info() { },
    warn() { },
    error() { },
};
//# sourceMappingURL=index.js.map