/**
 * Steady-state EVTX -> Event rate for profiling (not part of `npm run bench`):
 *   node --conditions=haechi-src --import tsx [--cpu-prof] bench/_evtx-prof.ts [events|parse] [runs]
 * Prints the best of `runs` passes over the samples in records per CPU-second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_SIZE, FILE_HEADER_SIZE, readChunk, recordToEvent } from '@haechi/core/ingest/evtx';
import { needData } from './_util.js';

const dir = needData('evtx', 'samples');
const FILES = [
  'evtxrs__security.evtx',
  'evtxrs__irregular_bool_values.evtx',
  'evtxrs__system.evtx',
  'evtxrs__sysmon.evtx',
  'evtxrs__ShellCore_multiple_fragments.evtx',
  'mitre_cc0__Security_4688_5447_4950_firewall_3MB.evtx',
  'pyevtx__issue_39_systemtime.evtx',
];
const buffers = FILES.map((f) => readFileSync(join(dir, f)));
const mode = process.argv[2] ?? 'events';
const reps = Number(process.argv[3] ?? 20);
function run() {
  let n = 0;
  for (const b of buffers) {
    const chunks = Math.floor((b.length - FILE_HEADER_SIZE) / CHUNK_SIZE);
    for (let i = 0; i < chunks; i++) {
      const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
      readChunk(
        b.subarray(off, off + CHUNK_SIZE),
        i,
        off,
        'bench',
        {},
        (r) => {
          n++;
          if (mode === 'events') recordToEvent(r, 'bench');
        },
        () => {},
      );
    }
  }
  return n;
}
for (let i = 0; i < 3; i++) run();
let best = Infinity;
let n = 0;
for (let i = 0; i < reps; i++) {
  const c0 = process.cpuUsage();
  n = run();
  const c = process.cpuUsage(c0);
  best = Math.min(best, (c.user + c.system) / 1000);
}
console.log(mode, n, 'rec', Math.round((n / best) * 1000), 'rec/CPU-s (best of', reps, ')');
