/**
 * The audit from files, as `haechi creds audit` runs it: reads the dumps, the directory export,
 * the corpus (an index, or a hash file / prefix folder / wordlist that is indexed into a temporary
 * file first) and the exposures, then runs the checks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HaechiError } from '../errors.js';
import type { RecordProblem } from '../ingest/types.js';
import { type AuditOptions, type AuditResult, exposureLinker, mergeAccounts, runAudit } from './audit.js';
import {
  type BuildResult,
  buildCorpusIndex,
  type CorpusFormat,
  type CorpusIndex,
  isCorpusIndex,
  openCorpusIndex,
} from './corpus-index.js';
import { type Directory, parseDirectory } from './directory.js';
import { type AccountMap, parseDump } from './dump.js';
import { assertNotEmpty, checkExposures, fileLines } from './exposures.js';

export interface AuditFilesOptions extends AuditOptions {
  hashes: string[];
  directory?: string;
  corpus?: string;
  corpusFormat?: CorpusFormat;
  exposures?: string;
  strict?: boolean;
  onProblem?: (p: RecordProblem) => void;
  /** told when a corpus that is not an index gets indexed first */
  onCorpusBuilt?: (r: BuildResult) => void;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new HaechiError('input', `cannot read ${what}: ${(err as Error).message}`, { file, cause: err });
  }
}

export function auditFiles(opts: AuditFilesOptions): AuditResult {
  const onProblem = opts.onProblem;
  const dumps: AccountMap = new Map();
  for (const f of opts.hashes) parseDump(readText(f, 'hashes'), f, dumps, { onProblem, strict: opts.strict });
  let directory: Directory | undefined;
  if (opts.directory) {
    directory = parseDirectory(readText(opts.directory, 'directory export'), opts.directory, {
      onProblem,
      strict: opts.strict,
    });
  }
  const accounts = mergeAccounts(dumps, directory, opts.adminGroups);
  let corpus: CorpusIndex | undefined;
  let tmp: string | undefined;
  try {
    if (opts.corpus) {
      if (isCorpusIndex(opts.corpus)) corpus = openCorpusIndex(opts.corpus);
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
    let exposures: ReturnType<typeof checkExposures> | undefined;
    if (opts.exposures) {
      const file = opts.exposures;
      exposures = checkExposures(fileLines(file), exposureLinker(accounts), {
        file,
        onProblem: (p) => {
          if (opts.strict) throw new HaechiError('input', p.reason, { file, line: p.line });
          onProblem?.({ ...p, level: 'error' });
        },
      });
      assertNotEmpty(exposures, file);
    }
    return runAudit(accounts, { directory, corpus, exposures }, opts);
  } finally {
    corpus?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
