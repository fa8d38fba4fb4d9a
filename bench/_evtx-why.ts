import { readFileSync } from 'node:fs';
import { readEvtxBuffer, toEvtxJson } from '@haechi/core/ingest/evtx';
import { fastEvent } from '../packages/core/src/ingest/evtx/fields.js';

const f = process.argv[2];
for (const r of readEvtxBuffer(readFileSync(f), f, { carve: true })) {
  if (!fastEvent(r.nodes, { kind: 'evtx', uri: f, record: r.id })) {
    console.log(r.carved, JSON.stringify(toEvtxJson(r.nodes)).slice(0, 300));
    break;
  }
}
