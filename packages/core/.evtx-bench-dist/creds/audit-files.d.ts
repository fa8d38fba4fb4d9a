import type { RecordProblem } from '../ingest/types.js';
import { type AuditOptions, type AuditResult } from './audit.js';
import { type BuildResult, type CorpusFormat } from './corpus-index.js';
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
export declare function auditFiles(opts: AuditFilesOptions): AuditResult;
