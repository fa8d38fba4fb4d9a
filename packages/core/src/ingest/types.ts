/**
 * The contract every reader implements (DESIGN.md: source -> reader -> normalize). A reader turns
 * one input (a file, a zip entry, stdin) into batches of normalised `Event`s with Sigma field names.
 */

import type { Readable } from 'node:stream';
import type { Event } from '../model/index.js';

/** A corrupt or suspicious record, reported and (unless strict) skipped. */
export interface RecordProblem {
  /** the input's uri (a path, `zip-path!entry`, or `-` for stdin) */
  file: string;
  record?: number;
  line?: number;
  /** byte offset, where the format has one (EVTX chunks) */
  offset?: number;
  field?: string;
  reason: string;
  /** warnings (a bad checksum) do not skip anything; errors skip the record or chunk named */
  level: 'warning' | 'error';
}

export interface ReadOptions {
  /** stop at the first error-level problem instead of skipping (throws HaechiError 'input') */
  strict?: boolean;
  /** force a format by name instead of sniffing */
  format?: string;
  /** events per batch; readers choose a sensible default (about 1,000) */
  batchSize?: number;
  /** EVTX: also recover records from chunk slack space */
  carve?: boolean;
  /** receives every problem; readers never skip silently */
  onProblem?: (p: RecordProblem) => void;
  signal?: AbortSignal;
  /** reader-specific settings (for example a time zone for formats that log local time) */
  settings?: Readonly<Record<string, unknown>>;
  /**
   * EVTX on disk: read only chunks [from, to) (`hunt` hands the parts of a large file to several
   * workers). The file's own problems (header, trailing bytes) are reported with chunk 0.
   */
  chunkRange?: readonly [number, number];
}

/** One input, already decompressed. `path` is set when the bytes are a plain file on disk. */
export interface InputSource {
  uri: string;
  /** a plain file on disk that can be read at random (EVTX uses it for parallel chunk reads) */
  path?: string;
  /**
   * the logical file name readers sniff by: the base name without a compression suffix
   * (`Security.json` for `logs/Security.json.gz`, the entry's base name for a zip entry)
   */
  name?: string;
  /** a fresh stream of the (decompressed) bytes */
  open(): Readable;
  /** the first bytes (decompressed), for sniffing */
  head: Buffer;
}

export interface FormatReader {
  /** stable name used by `--format` ('evtx', 'evtx-json', 'jsonl', 'zeek-tsv', 'eve', ...) */
  readonly name: string;
  readonly description: string;
  /**
   * How sure the reader is that the input is in its format, from the name and first bytes:
   * 0 (no) .. 1 (certain). The highest score wins; ties go to the earlier reader in the registry.
   */
  sniff(name: string, head: Buffer): number;
  read(input: InputSource, opts: ReadOptions): AsyncIterable<Event[]>;
}
