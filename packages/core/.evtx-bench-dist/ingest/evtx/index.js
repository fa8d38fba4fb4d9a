export { BinXmlError, ChunkContext } from './binxml.js';
export { CHUNK_SIZE, FILE_HEADER_SIZE, parseFileHeader, readChunk, } from './chunk.js';
export { probeEvtxFile, readEvtxBuffer, readEvtxChunks, streamEvtx } from './file.js';
export { convertRecords, recordToEvent, recordToEventSlow, recordToJsonLine, recordToXml, } from './output.js';
export { readEvtxParallel } from './parallel.js';
export { defaultThreads, evtxReader, readEvtxFile } from './reader.js';
export { toEvtxJson, toXml } from './render.js';
//# sourceMappingURL=index.js.map