/**
 * The audit from files, as `haechi creds audit` runs it: reads the dumps, the directory export,
 * the corpus (an index, or a hash file / prefix folder / wordlist that is indexed into a temporary
 * file first) and the exposures, then runs the checks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HaechiError } from '../errors.js';
import { exposureLinker, mergeAccounts, runAudit } from './audit.js';
import { buildCorpusIndex, isCorpusIndex, openCorpusIndex, } from './corpus-index.js';
import { parseDirectory } from './directory.js';
import { parseDump } from './dump.js';
import { assertNotEmpty, checkExposures, fileLines } from './exposures.js';
function readText(file, what) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new HaechiError('input', `cannot read ${what}: ${err.message}`, { file, cause: err });
    }
}
export function auditFiles(opts) {
    const onProblem = opts.onProblem;
    const dumps = new Map();
    for (const f of opts.hashes)
        parseDump(readText(f, 'hashes'), f, dumps, { onProblem, strict: opts.strict });
    let directory;
    if (opts.directory) {
        directory = parseDirectory(readText(opts.directory, 'directory export'), opts.directory, {
            onProblem,
            strict: opts.strict,
        });
    }
    const accounts = mergeAccounts(dumps, directory, opts.adminGroups);
    let corpus;
    let tmp;
    try {
        if (opts.corpus) {
            if (isCorpusIndex(opts.corpus))
                corpus = openCorpusIndex(opts.corpus);
            else {
                tmp = mkdtempSync(join(tmpdir(), 'haechi-corpus-'));
                const out = join(tmp, 'corpus.idx');
                const r = buildCorpusIndex(opts.corpus, out, {
                    format: opts.corpusFormat,
                    onProblem: (p) => onProblem?.({ ...p, level: 'error' }),
                });
                opts.onCorpusBuilt?.(r);
                corpus = openCorpusIndex(out);
            }
        }
        let exposures;
        if (opts.exposures) {
            const file = opts.exposures;
            exposures = checkExposures(fileLines(file), exposureLinker(accounts), {
                file,
                onProblem: (p) => {
                    if (opts.strict)
                        throw new HaechiError('input', p.reason, { file, line: p.line });
                    onProblem?.({ ...p, level: 'error' });
                },
            });
            assertNotEmpty(exposures, file);
        }
        return runAudit(accounts, { directory, corpus, exposures }, opts);
    }
    finally {
        corpus?.close();
        if (tmp)
            rmSync(tmp, { recursive: true, force: true });
    }
}
//# sourceMappingURL=audit-files.js.map