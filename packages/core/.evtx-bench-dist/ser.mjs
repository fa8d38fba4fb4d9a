import { serialize, deserialize } from 'node:v8';
import { readEvtxFile } from './ingest/evtx/index.js';
const batches = [];
for await (const items of readEvtxFile('/work/shared/data/evtx/samples/evtxrs__security.evtx', 'events', { threads: 1 })) batches.push(items);
const n = batches.reduce((a, b) => a + b.length, 0);
function t(label, fn) { for (let k=0;k<3;k++) fn(); const c0 = process.cpuUsage(); for (let k = 0; k < 5; k++) fn(); const c = process.cpuUsage(c0); console.log(label, ((c.user + c.system) / 1000 / 5 / n * 1000).toFixed(2), 'us/event'); }
const ser = batches.map((b) => serialize(b)); const js = batches.map((b) => JSON.stringify(b));
t('v8 serialize', () => batches.map((b) => serialize(b)));
t('v8 deserialize', () => ser.map((b) => deserialize(b)));
t('JSON.stringify', () => batches.map((b) => JSON.stringify(b)));
t('JSON.parse', () => js.map((b) => JSON.parse(b)));
t('structuredClone', () => batches.map((b) => structuredClone(b)));
