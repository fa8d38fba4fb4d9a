import { deepStrictEqual } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEvtxBuffer, recordToEventSlow } from '@haechi/core/ingest/evtx';
import { fastEvent } from '../packages/core/src/ingest/evtx/fields.js';

const S = '/work/shared/data/evtx/samples';
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(S).map((f) => join(S, f));
let n = 0,
  slow = 0,
  bad = 0;
for (const f of files) {
  const recs = readEvtxBuffer(readFileSync(f), f, { carve: true });
  let fs = 0;
  for (const r of recs) {
    n++;
    const src = { kind: 'evtx', uri: f, record: r.id } as const;
    const a = fastEvent(r.nodes, src);
    if (!a) {
      slow++;
      fs++;
      continue;
    }
    if (r.carved) (a.fields as any).EvtxCarved = true;
    const b = recordToEventSlow(r, f);
    try {
      deepStrictEqual(a, b);
    } catch (e) {
      if (bad++ < 3) console.log(f, r.id, String(e).slice(0, 1500));
    }
  }
  if (fs) console.log('slow', fs, '/', recs.length, f.split('/').pop());
}
console.log({ n, slow, bad });
