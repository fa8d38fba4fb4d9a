import { readEvtxFile } from './ingest/evtx/index.js';
const [file, threads] = [process.argv[2], Number(process.argv[3])];
const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
for await (const items of readEvtxFile(file, 'events', { threads })) n += items.length;
const wall = performance.now() - t0; const c = process.cpuUsage(c0);
console.log(JSON.stringify({ file: file.split('/').pop(), threads, n, wall: Math.round(wall), cpu: Math.round((c.user + c.system) / 1000) }));
