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
import { CHUNK_SIZE, type EvtxRecord, FILE_HEADER_SIZE, readChunk } from './chunk.js';
import { fastEvent } from './fields.js';
import { probeEvtxFile, readEvtxBuffer, readEvtxChunks } from './file.js';
import { recordToEvent, recordToEventSlow } from './output.js';
import { planEvent, plannedShape, programEvent } from './plan.js';

function evtxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...evtxFiles(p));
    else if (e.name.endsWith('.evtx')) out.push(p);
  }
  return out.sort();
}

interface Counts {
  records: number;
  /** records on which fastEvent gives the Event */
  fast: number;
  /** records that are planned template instances */
  planned: number;
  /** records whose Event the plan gives */
  plan: number;
  /** of those: with System filled from the values (no tree), with EventData filled from them */
  system: number;
  eventData: number;
  /** records whose Event a record program made (`program.ts`) */
  program: number;
}

/**
 * Compares the paths on every record of `files`: recordToEvent (plan, else fastEvent, else slow)
 * equals render + normalise, and the plan's Event equals fastEvent's on the resolved tree (both
 * undefined alike).
 */
function compare(files: string[], base: string): Counts {
  const c: Counts = { records: 0, fast: 0, planned: 0, plan: 0, system: 0, eventData: 0, program: 0 };
  for (const f of files) {
    const uri = relative(base, f);
    const recs = readEvtxBuffer(readFileSync(f), uri, { carve: true });
    for (const r of recs) {
      c.records++;
      const source = { kind: 'evtx' as const, uri, record: r.id };
      const where = `${uri} record ${r.id} (offset ${r.offset})`;
      // the plan first: before anything asks for the record's tree
      const planned = r.planned && planEvent(r.planned, source);
      if (r.planned) {
        // the record's program (where it has one) against the plan's general steps
        const general = planEvent(r.planned, source, false);
        const program = programEvent(r.planned, source);
        if (program) {
          c.program++;
          assert.deepStrictEqual(program, general, `${where}: program vs plan`);
          // same keys in the same order: JSON output and stored events are byte for byte alike
          assert.deepStrictEqual(Object.keys(program.fields), Object.keys(general?.fields ?? {}), where);
        }
        assert.deepStrictEqual(planned, general, `${where}: plan with and without programs`);
      }
      const got = recordToEvent(r, uri);
      const want = recordToEventSlow(r, uri);
      assert.deepStrictEqual(got, want, where);
      const fast = fastEvent(r.nodes, source);
      if (fast) c.fast++;
      if (r.planned) {
        c.planned++;
        assert.deepStrictEqual(planned, fast, `${where}: plan vs fastEvent`);
        // (`got`, compared with render + normalise above, is this plan's Event then)
        if (planned) {
          c.plan++;
          const shape = plannedShape(r.planned);
          if (shape.system) c.system++;
          if (shape.eventData) c.eventData++;
        }
      }
    }
  }
  return c;
}

test('fast Event paths (template plan, tree) equal render + normalise on every sample record', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  const dir = sharedData('evtx/samples');
  const c = compare(evtxFiles(dir), dir);
  console.log(
    `samples: ${c.records} records compared, ${c.fast} on the fast path, ${c.plan} by a template plan (${c.planned} planned instances; System from the values in ${c.system}, EventData in ${c.eventData}; ${c.program} by a record program)`,
  );
  assert.ok(c.records > 10000);
  assert.ok(c.fast >= c.records * 0.95, `only ${c.fast} of ${c.records} records took the fast path`);
  assert.ok(c.plan >= c.records * 0.9, `only ${c.plan} of ${c.records} records took a template plan`);
  // the compiled parts, not only the resolve-and-walk fallbacks, are what the comparison covers
  assert.ok(c.system >= c.plan * 0.9, `System compiled for only ${c.system} of ${c.plan} planned records`);
  assert.ok(c.eventData >= c.plan * 0.5, `EventData compiled for only ${c.eventData} of ${c.plan}`);
  assert.ok(c.program >= c.plan * 0.9, `a record program made only ${c.program} of ${c.plan} planned Events`);
});

test('fast Event paths (template plan, tree) equal render + normalise on a spread of ATT&CK samples', {
  skip: skipUnlessData('evtx/attack-samples'),
}, () => {
  const dir = sharedData('evtx/attack-samples');
  // every 3rd file (by path): all tactics, the large files and the odd ones, in bounded time
  const files = evtxFiles(dir).filter((_f, i) => i % 3 === 0);
  const c = compare(files, dir);
  console.log(
    `attack samples: ${files.length} files, ${c.records} records compared, ${c.fast} on the fast path, ${c.plan} by a template plan (${c.planned} planned instances; System from the values in ${c.system}, EventData in ${c.eventData}; ${c.program} by a record program)`,
  );
  assert.ok(c.records > 1000);
  assert.ok(c.fast >= c.records * 0.9, `only ${c.fast} of ${c.records} records took the fast path`);
  assert.ok(c.plan >= c.records * 0.75, `only ${c.plan} of ${c.records} records took a template plan`);
});

test('planned records keep their chunk: converted after the whole file is read, they give the same Events', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  // a planned record reads its values from its chunk's bytes when converted, so the file reader
  // must not reuse one buffer for every chunk
  const f = sharedData('evtx/samples', 'evtxrs__security.evtx');
  const { header, chunks } = probeEvtxFile(f);
  assert.ok(chunks > 1);
  const later: EvtxRecord[] = [];
  readEvtxChunks(f, 'x', header, 0, chunks, {}, (_i, recs) => later.push(...recs));
  const direct = readEvtxBuffer(readFileSync(f), 'x');
  assert.equal(later.length, direct.length);
  assert.ok(later.filter((r) => r.planned).length > later.length * 0.9);
  for (let i = 0; i < later.length; i++) {
    assert.deepStrictEqual(
      recordToEvent(later[i], 'x'),
      recordToEvent(direct[i], 'x'),
      `record ${later[i].id}`,
    );
    assert.deepStrictEqual(later[i].nodes, direct[i].nodes, `record ${later[i].id} tree`);
  }
});

test('record programs equal the plan and render + normalise on records whose values are mutated', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  // The values are what a program decides on record by record (empty or space-edged strings,
  // times out of range, odd numbers, non-ASCII text): mutate the value bytes of real records,
  // leaving the structure alone, and compare the paths on every record of the mutated chunks.
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const files = [
    'evtxrs__security.evtx',
    'evtxrs__sysmon.evtx',
    'mitre_cc0__Security_4688_5447_4950_firewall_3MB.evtx',
    // classic EventLog records: positional <Data> string arrays
    'evtxrs__system.evtx',
  ];
  let compared = 0;
  let byProgram = 0;
  let fellBack = 0;
  for (const f of files) {
    const file = readFileSync(sharedData('evtx/samples', f));
    for (
      let i = 0, off = FILE_HEADER_SIZE;
      off + CHUNK_SIZE <= file.length && i < 12;
      i++, off += CHUNK_SIZE
    ) {
      const chunk = Buffer.from(file.subarray(off, off + CHUNK_SIZE));
      // where the values of the planned records are
      const ranges: [number, number][] = [];
      readChunk(
        chunk,
        i,
        off,
        f,
        { noCrc: true },
        (r) => {
          for (const p of r.planned?.parts ?? []) {
            const d = p.vals.desc;
            for (let v = 0; v < p.vals.count; v++)
              if (d[v * 3 + 2] > d[v * 3 + 1]) ranges.push([d[v * 3 + 1], d[v * 3 + 2]]);
          }
        },
        () => {},
      );
      for (const [a, b] of ranges) {
        if (rand() > 0.3) continue;
        const n = b - a;
        switch (Math.floor(rand() * 6)) {
          case 0: // an empty UTF-16 string (NUL first), a zero number
            chunk.fill(0, a, Math.min(b, a + 2));
            break;
          case 1: // a leading space
            if (n >= 2) chunk.writeUInt16LE(0x20, a);
            break;
          case 2: // a trailing space before the terminating NUL
            if (n >= 4) chunk.writeUInt16LE(0x20, b - 4);
            break;
          case 3: // random bytes
            for (let q = a; q < b; q++) chunk[q] = Math.floor(rand() * 256);
            break;
          case 4: // all ones (huge numbers and times, non-ASCII text)
            chunk.fill(0xff, a, b);
            break;
          default: // a non-breaking space in front
            if (n >= 2) chunk.writeUInt16LE(0xa0, a);
        }
      }
      readChunk(
        chunk,
        i,
        off,
        f,
        { noCrc: true },
        (r) => {
          if (!r.planned) return;
          const where = `${f} chunk ${i} record ${r.id}`;
          const source = { kind: 'evtx' as const, uri: f, record: r.id };
          const general = planEvent(r.planned, source, false);
          const program = programEvent(r.planned, source);
          if (program) {
            byProgram++;
            assert.deepStrictEqual(program, general, where);
            assert.deepStrictEqual(Object.keys(program.fields), Object.keys(general?.fields ?? {}), where);
          } else fellBack++;
          // and both as the reference path has it
          const got = recordToEvent(r, f);
          assert.deepStrictEqual(got, recordToEventSlow(r, f), where);
          compared++;
        },
        () => {},
      );
    }
  }
  console.log(
    `mutated values: ${compared} records compared, ${byProgram} made by programs, ${fellBack} left to the plan`,
  );
  assert.ok(byProgram > 500 && fellBack > 50, `${byProgram} by programs, ${fellBack} fell back`);
});
