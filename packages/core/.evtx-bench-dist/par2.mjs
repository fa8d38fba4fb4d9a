import { readEvtxFile } from './ingest/evtx/index.js';
const big = '/tmp/evb/big.evtx';
async function run(threads) {
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  for await (const items of readEvtxFile(big, 'events', { threads })) n += items.length;
  const wall = performance.now() - t0; const c = process.cpuUsage(c0);
  return { threads, n, wall: Math.round(wall), cpu: Math.round((c.user + c.system) / 1000) };
}
await run(2);
for (let i = 0; i < 3; i++) console.log(JSON.stringify(await run(2)));
