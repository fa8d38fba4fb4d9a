import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_SIZE, FILE_HEADER_SIZE, readChunk, recordToEvent } from '@haechi/core/ingest/evtx';

const S = '/work/shared/data/evtx/samples';
const A = '/work/shared/data/evtx/attack-samples';
const files = readdirSync(S)
  .map((f) => join(S, f))
  .concat(
    [
      'Privilege Escalation/privesc_unquoted_svc_sysmon_1_11.evtx',
      'Persistence/DACL_DCSync_Right_Powerview_ Add-DomainObjectAcl.evtx',
      'Lateral Movement/LM_5145_Remote_FileCopy.evtx',
      'Other/rdpcorets_148_mst120_bluekeep_rpdscan_full.evtx',
    ].map((f) => join(A, f)),
  );
const bufs = files.map((f) => readFileSync(f));
const mode = process.argv[2] ?? 'events';
let fast: any;
if (mode === 'slow') fast = (await import('@haechi/core/ingest/evtx')) as any;
function run(): number {
  let n = 0;
  for (const b of bufs) {
    const chunks = Math.floor((b.length - FILE_HEADER_SIZE) / CHUNK_SIZE);
    for (let i = 0; i < chunks; i++) {
      const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
      readChunk(
        b.subarray(off, off + CHUNK_SIZE),
        i,
        off,
        'b',
        {},
        (r) => {
          n++;
          if (mode === 'events') recordToEvent(r, 'b');
          else if (mode === 'slow') fast.recordToEventSlow(r, 'b');
        },
        () => {},
      );
    }
  }
  return n;
}
run();
run();
let best = Infinity;
let n = 0;
for (let k = 0; k < Number(process.argv[3] ?? 5); k++) {
  const c0 = process.cpuUsage();
  n = run();
  const c = process.cpuUsage(c0);
  best = Math.min(best, (c.user + c.system) / 1000);
}
console.log(mode, n, 'records', best.toFixed(0), 'ms CPU', Math.round((n / best) * 1000), 'rec/CPU-s');
