import { closeSync, openSync, readFileSync, readdirSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readEvtxFile } from './ingest/evtx/index.js';
const S = '/work/shared/data/evtx/samples';
const big = '/tmp/evb/big.evtx';
if (!existsSync(big)) {
  const bufs = ['evtxrs__security.evtx','evtxrs__sysmon.evtx','evtxrs__system.evtx','mitre_cc0__Security_4688_5447_4950_firewall_3MB.evtx','evtxrs__irregular_bool_values.evtx'].map((f) => readFileSync(join(S, f)));
  const fd = openSync(big, 'w'); writeSync(fd, bufs[0].subarray(0, 4096));
  for (let k = 0; k < 12; k++) for (const b of bufs) for (let o = 4096; o + 65536 <= b.length; o += 65536) if (b.subarray(o, o + 8).toString('latin1') === 'ElfChnk\0') writeSync(fd, b.subarray(o, o + 65536));
  closeSync(fd);
}
async function run(threads) {
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  for await (const items of readEvtxFile(big, 'events', { threads })) n += items.length;
  const wall = performance.now() - t0; const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / 1000;
  return { threads, n, wall: Math.round(wall), cpu: Math.round(cpu), recPerSecWall: Math.round(n / wall * 1000), recPerCpuSec: Math.round(n / cpu * 1000) };
}
await run(1); await run(2);
for (let i = 0; i < 3; i++) { console.log(JSON.stringify(await run(1))); console.log(JSON.stringify(await run(2))); }
