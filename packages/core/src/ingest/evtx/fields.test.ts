/**
 * The direct record -> Event path (`fastEvent`, used by the `evtx` reader) must give exactly the
 * Event of the reference path (evtx_dump JSON rendered, then `normalizeEvtxJson`): both are
 * compared on every record of every sample (live and carved) and of a spread of the ATT&CK
 * samples. Records the fast path leaves to the slow one are counted: most must take it, or the
 * speed-up is gone.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { fastEvent } from './fields.js';
import { readEvtxBuffer } from './file.js';
import { recordToEvent, recordToEventSlow } from './output.js';

function evtxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...evtxFiles(p));
    else if (e.name.endsWith('.evtx')) out.push(p);
  }
  return out.sort();
}

/** Compares both paths on every record of `files`; returns [records, records on the fast path]. */
function compare(files: string[], base: string): [number, number] {
  let n = 0;
  let fast = 0;
  for (const f of files) {
    const uri = relative(base, f);
    const recs = readEvtxBuffer(readFileSync(f), uri, { carve: true });
    for (const r of recs) {
      n++;
      const want = recordToEventSlow(r, uri);
      const got = recordToEvent(r, uri);
      assert.deepStrictEqual(got, want, `${uri} record ${r.id} (offset ${r.offset})`);
      if (fastEvent(r.nodes, { kind: 'evtx', uri, record: r.id })) fast++;
    }
  }
  return [n, fast];
}

test('fast Event path equals render + normalise on every sample record', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  const dir = sharedData('evtx/samples');
  const [n, fast] = compare(evtxFiles(dir), dir);
  console.log(`samples: ${n} records compared, ${fast} on the fast path`);
  assert.ok(n > 10000);
  assert.ok(fast >= n * 0.95, `only ${fast} of ${n} records took the fast path`);
});

test('fast Event path equals render + normalise on a spread of ATT&CK samples', {
  skip: skipUnlessData('evtx/attack-samples'),
}, () => {
  const dir = sharedData('evtx/attack-samples');
  // every 3rd file (by path): all tactics, the large files and the odd ones, in bounded time
  const files = evtxFiles(dir).filter((_f, i) => i % 3 === 0);
  const [n, fast] = compare(files, dir);
  console.log(`attack samples: ${files.length} files, ${n} records compared, ${fast} on the fast path`);
  assert.ok(n > 1000);
  assert.ok(fast >= n * 0.9, `only ${fast} of ${n} records took the fast path`);
});
