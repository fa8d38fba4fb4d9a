/**
 * EVTX file header and chunks (libevtx-format.asciidoc, "File header", "Chunk", "Event record",
 * "Recovery", "Corruption scenarios"). Chunks are self-contained: their strings and templates are
 * referenced by chunk offset, so any chunk can be parsed on its own (and on any thread).
 */
import { crc32 } from 'node:zlib';
import type { RecordProblem } from '../types.js';
import { BinXmlError, ChunkContext, K_ELEM, type XNode } from './binxml.js';
import { type PlannedInstance, planInstance } from './plan.js';
import { fileTimeAt, fileTimeMs } from './values.js';

export const FILE_HEADER_SIZE = 4096;
export const CHUNK_SIZE = 65536;
const CHUNK_HEADER_SIZE = 512;
const RECORD_MAGIC = 0x00002a2a;

export interface FileHeader {
  firstChunk: number;
  lastChunk: number;
  nextRecordId: number;
  headerSize: number;
  minorVersion: number;
  majorVersion: number;
  headerBlockSize: number;
  chunkCount: number;
  /** 0x1 dirty, 0x2 full, 0x4 no CRC32 (format 3.2) */
  flags: number;
  checksumOk: boolean;
  /** the header itself was unreadable; these are neutral values (see recoverFileHeader) */
  recovered?: boolean;
}

export interface EvtxRecord {
  /** the record identifier (EventRecordID) from the record header */
  id: number;
  /** the record's written time, epoch ms */
  written: number;
  /** chunk index in the file */
  chunk: number;
  /** byte offset of the record in the file */
  offset: number;
  /** recovered from chunk slack space (`carve`), not a live record */
  carved: boolean;
  /** the resolved BinXML tree */
  nodes: XNode[];
  /** set when the record is an instance of a template with an Event plan (`plan.ts`) */
  planned?: PlannedInstance;
}

/**
 * A record that is a planned template instance: its tree is resolved only when asked for
 * (XML and JSON output, the tree path of a record the plan gives up on); the Event comes from
 * the plan. The record keeps the chunk buffer (its values are read from it), so readers must give
 * each chunk its own buffer.
 */
class PlannedRecord implements EvtxRecord {
  private tree: XNode[] | undefined;
  constructor(
    readonly id: number,
    readonly written: number,
    readonly chunk: number,
    readonly offset: number,
    readonly carved: boolean,
    private readonly raw: XNode[],
    readonly planned: PlannedInstance,
  ) {}

  get nodes(): XNode[] {
    // (planInstance checked the values: resolution cannot fail)
    this.tree ??= this.planned.ctx.resolveRaw(this.raw);
    return this.tree;
  }
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, p: number): number {
  return u32(b, p + 4) * 4294967296 + u32(b, p);
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}

const FILE_MAGIC = Buffer.from('ElfFile\0', 'latin1');
const CHUNK_MAGIC = Buffer.from('ElfChnk\0', 'latin1');

function startsWith(b: Uint8Array, p: number, magic: Uint8Array): boolean {
  if (p + magic.length > b.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[p + i] !== magic[i]) return false;
  return true;
}

/** Parses the 4096-byte file header, or returns undefined when the signature is not EVTX. */
export function parseFileHeader(b: Uint8Array): FileHeader | undefined {
  if (b.length < 128 || !startsWith(b, 0, FILE_MAGIC)) return undefined;
  return {
    firstChunk: u64(b, 8),
    lastChunk: u64(b, 16),
    nextRecordId: u64(b, 24),
    headerSize: u32(b, 32),
    minorVersion: u16(b, 36),
    majorVersion: u16(b, 38),
    headerBlockSize: u16(b, 40),
    chunkCount: u16(b, 42),
    flags: u32(b, 120),
    // "CRC32 of the first 120 bytes of the file header"
    checksumOk: crc32(b.subarray(0, 120)) === u32(b, 124),
  };
}

/**
 * The header of a file whose own header is damaged ("Corrupted file header", libevtx-format
 * .asciidoc, "Corruption scenarios") but whose first chunk is where it belongs: the chunks are
 * still readable, so reading goes on with neutral header values.
 */
export function recoverFileHeader(b: Uint8Array): FileHeader | undefined {
  if (!startsWith(b, FILE_HEADER_SIZE, CHUNK_MAGIC)) return undefined;
  return {
    firstChunk: 0,
    lastChunk: 0,
    nextRecordId: 0,
    headerSize: 128,
    minorVersion: 1,
    majorVersion: 3,
    headerBlockSize: FILE_HEADER_SIZE,
    chunkCount: 0,
    flags: 0,
    checksumOk: false,
    recovered: true,
  };
}

/** Problems found in the file header, as warnings (none of them stops the reading). */
export function headerProblems(h: FileHeader, fileChunks: number, uri: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const w = (reason: string) => out.push({ file: uri, offset: 0, reason, level: 'warning' });
  if (h.recovered) {
    out.push({
      file: uri,
      offset: 0,
      reason: 'damaged file header (no "ElfFile" signature); reading the chunks anyway',
      level: 'error',
    });
    return out;
  }
  if (!h.checksumOk) w('file header checksum mismatch');
  if (h.flags & 1) w('file is dirty (not closed cleanly): header counts may be stale, every chunk is read');
  if (h.majorVersion !== 3) w(`unexpected format version ${h.majorVersion}.${h.minorVersion}`);
  if (fileChunks > h.chunkCount)
    w(`${fileChunks - h.chunkCount} chunk(s) beyond the header's count of ${h.chunkCount} are read as well`);
  return out;
}

export interface ChunkOptions {
  carve?: boolean;
  /** chunks the file header says are in use: a zeroed chunk among them is reported */
  usedChunks?: number;
  /** skip checksum verification (format 3.2 files flagged "no CRC32") */
  noCrc?: boolean;
}

const ZEROES = new Uint8Array(CHUNK_SIZE);

function isZero(b: Uint8Array, from: number, to: number): boolean {
  if (to - from <= 64) {
    for (let i = from; i < to; i++) if (b[i] !== 0) return false;
    return true;
  }
  // whole preallocated chunks: a native compare, chunk-sized pieces at a time
  for (let p = from; p < to; p += CHUNK_SIZE) {
    const e = Math.min(to, p + CHUNK_SIZE);
    if (Buffer.compare(b.subarray(p, e), ZEROES.subarray(0, e - p)) !== 0) return false;
  }
  return true;
}

/**
 * Parses one chunk. `emit` receives each record (live records in offset order, then carved ones);
 * `problem` receives warnings and errors. Never throws for damaged data.
 */
export function readChunk(
  buf: Uint8Array,
  index: number,
  fileOffset: number,
  uri: string,
  opts: ChunkOptions,
  emit: (r: EvtxRecord) => void,
  problem: (p: RecordProblem) => void,
): void {
  const where = (off: number) => `chunk ${index} (file offset 0x${(fileOffset + off).toString(16)})`;
  const report = (level: 'warning' | 'error', off: number, reason: string, record?: number) =>
    problem({ file: uri, offset: fileOffset + off, reason: `${where(off)}: ${reason}`, level, record });
  if (buf.length < CHUNK_HEADER_SIZE) {
    report('error', 0, `truncated chunk of ${buf.length} bytes skipped`);
    return;
  }
  const ctx = new ChunkContext(buf);
  if (!startsWith(buf, 0, CHUNK_MAGIC)) {
    if (isZero(buf, 0, buf.length)) {
      // Preallocated, never written chunks are normal at the end of a log; a zeroed chunk the
      // header counts as used is not.
      if (opts.usedChunks === undefined || index < opts.usedChunks)
        report('warning', 0, 'empty (zeroed) chunk skipped');
      return;
    }
    report(
      'error',
      0,
      'bad chunk signature; chunk skipped' + (opts.carve ? ' (carving it for records)' : ''),
    );
    if (opts.carve) carve(ctx, buf, index, fileOffset, CHUNK_HEADER_SIZE, undefined, emit);
    return;
  }
  if (!opts.noCrc) {
    // "CRC32 of the first 120 bytes and bytes 128 to 512 of the chunk"
    const head = crc32(buf.subarray(128, 512), crc32(buf.subarray(0, 120)));
    if (head !== u32(buf, 124)) report('warning', 0, 'chunk header checksum mismatch');
  }
  const freeOff = u32(buf, 48);
  const limit = freeOff >= CHUNK_HEADER_SIZE && freeOff <= buf.length ? freeOff : buf.length;
  if (!opts.noCrc && limit === freeOff) {
    const data = crc32(buf.subarray(CHUNK_HEADER_SIZE, freeOff));
    if (data !== u32(buf, 52)) report('warning', 0, 'event records checksum mismatch');
  }
  let p = CHUNK_HEADER_SIZE;
  // live record offsets, which carving must not report again (kept only when carving)
  const seen = opts.carve ? new Set<number>() : undefined;
  // The chunk header's first and last record identifiers bound the live records; a record outside
  // them (after a damaged one) is stale data from an earlier pass over the chunk, for `carve`.
  const firstId = u64(buf, 24);
  const lastId = u64(buf, 32);
  const idsKnown = firstId <= lastId && lastId > 0;
  const lastRecordOff = u32(buf, 44);
  let broken = '';
  // carving starts after the last record whose size is confirmed by its copy: a damaged size
  // may have skipped over records
  let carveFrom = p;
  while (p + 28 <= limit) {
    if (u32(buf, p) !== RECORD_MAGIC) {
      if (!isZero(buf, p, Math.min(limit, p + 8))) broken = 'no record signature';
      else if (p <= lastRecordOff && lastRecordOff < limit) broken = 'zeroed data';
      break;
    }
    const size = u32(buf, p + 4);
    const id = u64(buf, p + 8);
    if (size < 28 || p + size > buf.length) {
      broken = `record ${id} with a bad size ${size}`;
      break;
    }
    if (idsKnown && (id < firstId || id > lastId)) break;
    // "Corruption scenario: event record mismatch between size and copy of size": the data may
    // still be whole; try it and keep the record if it parses.
    const copyOk = u32(buf, p + size - 4) === size;
    // (the record is handed on outside the try: a consumer's own error is not a damaged record)
    let rec: EvtxRecord | undefined;
    try {
      const raw = ctx.parseRaw(p + 24, p + size - 4);
      const planned = planInstance(ctx, raw);
      const nodes = planned ? undefined : ctx.resolveRaw(raw);
      const written = fileTimeMs(fileTimeAt(buf, p + 16));
      rec =
        nodes === undefined
          ? new PlannedRecord(id, written, index, fileOffset + p, false, raw, planned as PlannedInstance)
          : { id, written, chunk: index, offset: fileOffset + p, carved: false, nodes };
    } catch (e) {
      const why = e instanceof BinXmlError ? `${e.message} (at chunk offset ${e.offset})` : String(e);
      report('error', p, `record ${id} skipped: ${why}${copyOk ? '' : ' (size copy mismatch)'}`, id);
    }
    if (rec) {
      seen?.add(p);
      if (!copyOk) report('warning', p, `record ${id}: size copy does not match the size ${size}`, id);
      emit(rec);
    }
    p += size;
    if (copyOk) carveFrom = p;
  }
  if (broken) {
    // The chain of records ends early (damage). Records after the break are not live for us, as
    // for python-evtx and the evtx crate; `carve` recovers them.
    const more =
      p < lastRecordOff && lastRecordOff < buf.length
        ? ` before the last record (chunk offset ${lastRecordOff})`
        : '';
    report(
      more ? 'error' : 'warning',
      p,
      `record chain broken by ${broken}${more}; ${opts.carve ? 'carving the rest' : 'rest of the chunk skipped (--carve recovers what follows)'}`,
    );
  }
  if (opts.carve) carve(ctx, buf, index, fileOffset, carveFrom, seen, emit);
}

/**
 * Slack-space recovery (libevtx-format.asciidoc, "Recovery"): records left behind after the last
 * live record (or in a chunk whose header is damaged) are found by their signature and size copy
 * and parsed with the chunk's templates, where those are still present.
 */
function carve(
  ctx: ChunkContext,
  buf: Uint8Array,
  index: number,
  fileOffset: number,
  from: number,
  live: Set<number> | undefined,
  emit: (r: EvtxRecord) => void,
): void {
  let p = from;
  const end = buf.length;
  while (p + 28 <= end) {
    if (buf[p] !== 0x2a || buf[p + 1] !== 0x2a || buf[p + 2] !== 0 || buf[p + 3] !== 0 || live?.has(p)) {
      p++;
      continue;
    }
    const size = u32(buf, p + 4);
    if (size < 28 || p + size > end || u32(buf, p + size - 4) !== size) {
      p++;
      continue;
    }
    let rec: EvtxRecord | undefined;
    try {
      const raw = ctx.parseRaw(p + 24, p + size - 4);
      const planned = planInstance(ctx, raw);
      const id = u64(buf, p + 8);
      const written = fileTimeMs(fileTimeAt(buf, p + 16));
      if (planned) {
        // (a planned instance resolves to its template's `Event` element: never torn)
        rec = new PlannedRecord(id, written, index, fileOffset + p, true, raw, planned);
      } else {
        const nodes = ctx.resolveRaw(raw);
        // a fragment without any element is no event (a torn record): keep looking
        if (nodes.some((n) => n.k === K_ELEM))
          rec = { id, written, chunk: index, offset: fileOffset + p, carved: true, nodes };
      }
    } catch {
      // not a record after all: keep looking
    }
    if (rec) {
      // (handed on outside the try: a consumer's own error is not a damaged record)
      emit(rec);
      p += size;
    } else p++;
  }
}

/** Number of whole chunks in a file of `size` bytes. */
export function chunksInFile(size: number): number {
  return Math.max(0, Math.floor((size - FILE_HEADER_SIZE) / CHUNK_SIZE));
}
