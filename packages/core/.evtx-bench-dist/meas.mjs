import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_SIZE, FILE_HEADER_SIZE, readChunk, recordToEvent, recordToEventSlow } from './ingest/evtx/index.js';
const S = '/work/shared/data/evtx/samples';
const bufs = readdirSync(S).map((f) => readFileSync(join(S, f)));
const mode = process.argv[2] ?? 'events';
function run() {
  let n = 0;
  for (const b of bufs) {
    const chunks = Math.floor((b.length - FILE_HEADER_SIZE) / CHUNK_SIZE);
    for (let i = 0; i < chunks; i++) {
      const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
      readChunk(b.subarray(off, off + CHUNK_SIZE), i, off, 'b', {}, (r) => { n++; if (mode === 'events') recordToEvent(r, 'b'); else if (mode === 'slow') recordToEventSlow(r, 'b'); }, () => {});
    }
  }
  return n;
}
run(); run();
let best = Infinity; let n = 0;
for (let k = 0; k < Number(process.argv[3] ?? 5); k++) { const c0 = process.cpuUsage(); n = run(); const c = process.cpuUsage(c0); best = Math.min(best, (c.user + c.system) / 1000); }
console.log(mode, n, 'records', best.toFixed(0), 'ms CPU', Math.round(n / best * 1000), 'rec/CPU-s');
