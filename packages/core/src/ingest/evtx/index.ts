/**
 * Native EVTX reading (libevtx-format.asciidoc): file header, 64 KiB chunks, string and template
 * tables, Binary XML with every token and value type; damage-tolerant, with slack-space carving
 * and parallel chunk parsing. Output as `Event`s, evtx_dump JSON or Windows XML.
 */
export type { XElem, XNode } from './binxml.js';
export { BinXmlError, ChunkContext } from './binxml.js';
export {
  CHUNK_SIZE,
  type EvtxRecord,
  FILE_HEADER_SIZE,
  type FileHeader,
  parseFileHeader,
  readChunk,
} from './chunk.js';
export { type EvtxReadOptions, probeEvtxFile, readEvtxBuffer, readEvtxChunks, streamEvtx } from './file.js';
export {
  convertRecords,
  type EvtxItem,
  type EvtxOutputKind,
  recordToEvent,
  recordToEventSlow,
  recordToEventTree,
  recordToJsonLine,
  recordToXml,
} from './output.js';
export { readEvtxParallel } from './parallel.js';
export { defaultThreads, type EvtxFileOptions, evtxReader, readEvtxFile } from './reader.js';
export { type JsonValue, toEvtxJson, toXml } from './render.js';
