import { readEvtxParallel, probeEvtxFile, readEvtxFile } from './ingest/evtx/index.js';
const big = '/tmp/evb/big.evtx';
const { header, chunks } = probeEvtxFile(big);
async function run(threads) {
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  for await (const c of readEvtxParallel(big, big, header, chunks, { threads, kind: 'events' })) n += c.records;
  const wall = performance.now() - t0; const c = process.cpuUsage(c0);
  return { workers: threads, n, wall: Math.round(wall), cpu: Math.round((c.user + c.system) / 1000) };
}
async function inproc() {
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  for await (const items of readEvtxFile(big, 'events', { threads: 1 })) n += items.length;
  const wall = performance.now() - t0; const c = process.cpuUsage(c0);
  return { inproc: 1, n, wall: Math.round(wall), cpu: Math.round((c.user + c.system) / 1000) };
}
const mode = process.argv[2];
for (let i = 0; i < 3; i++) console.log(JSON.stringify(mode === 'in' ? await inproc() : await run(Number(mode))));
