/**
 * Input machinery and readers (DESIGN.md: source -> reader -> normalize). `discoverInputs` turns
 * paths into inputs (folders, `-`, .gz, .zip entries), `readEvents` reads one with the right
 * reader from the FORMATS registry, `readPaths` does both and keeps per-input statistics.
 */
export { FORMATS, findFormat, knownFormatNames, requireFormat, sniffFormat } from './formats.js';
export { type DiscoverOptions, discoverInputs, HEAD_BYTES } from './inputs.js';
export { JsonRecordSplitter, type SplitProblem, type SplitRecord } from './json-stream.js';
export { describeProblem, reportProblem } from './problems.js';
export { type InputRead, type ReadStats, readEvents, readerFor, readPaths, reasonKey } from './read.js';
export { epochFromNumber, parseTimestamp, parseUtcOffset } from './time.js';
export * from './types.js';
export * from './windows/index.js';
export { openZipEntry, readZipDirectory, type ZipEntry } from './zip.js';
