/**
 * The Windows JSON readers on the real data in ../shared/data: SigmaHQ's regression `.json` twins
 * (evtx_dump pretty objects) and OTRF Security-Datasets (zipped NXLog-style JSON lines). Expected
 * values are computed here independently of the readers: objects found by their closing `}` at
 * column 0, lines counted by `unzip -p` (or the raw bytes), fields read with JSON.parse.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { Event } from '../../model/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { discoverInputs } from '../inputs.js';
import { readEvents } from '../read.js';
import type { RecordProblem } from '../types.js';

function walk(dir: string, suffix: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

async function readFile(path: string) {
  const problems: RecordProblem[] = [];
  const inputs: { uri: string; events: Event[]; format?: string }[] = [];
  const opts = { onProblem: (p: RecordProblem) => problems.push(p) };
  for await (const input of discoverInputs([path], opts)) {
    const events: Event[] = [];
    for await (const b of readEvents(input, opts)) for (const e of b) events.push(e);
    inputs.push({ uri: input.uri, events });
  }
  return { inputs, problems };
}

type Obj = Record<string, unknown>;
const attrs = (v: unknown): Obj => ((v as Obj | null)?.['#attributes'] as Obj) ?? {};

test('every SigmaHQ regression .json twin reads, with the fields of the file', {
  skip: skipUnlessData('sigma/regression_data'),
}, async () => {
  const files = walk(sharedData('sigma/regression_data'), '.json');
  assert.ok(files.length >= 150, `found ${files.length} twins`);
  let total = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // reference split: evtx_dump closes each top-level object with `}` alone at column 0
    const expected = text
      .split(/^\}\s*$/m)
      .filter((s) => s.trim())
      .map((s) => JSON.parse(`${s}}`) as { Event: Obj });
    const { inputs, problems } = await readFile(f);
    const name = relative(sharedData('sigma/regression_data'), f);
    assert.deepEqual(problems, [], name);
    assert.equal(inputs.length, 1);
    const events = inputs[0]!.events;
    assert.equal(events.length, expected.length, `${name}: object count`);
    total += events.length;
    expected.forEach((x, i) => {
      const e = events[i]!;
      const sys = x.Event.System as Obj;
      const where = `${name} record ${i + 1}`;
      const id = sys.EventID;
      assert.equal(e.fields.EventID, typeof id === 'object' ? (id as Obj)['#text'] : id, where);
      assert.equal(e.fields.Channel, sys.Channel, where);
      assert.equal(e.fields.Computer, sys.Computer, where);
      assert.equal(e.fields.EventRecordID, sys.EventRecordID, where);
      assert.equal(e.fields.Provider_Name, attrs(sys.Provider).Name, where);
      assert.equal(e.fields.Security_UserID, attrs(sys.Security).UserID, where);
      const st = String(attrs(sys.TimeCreated).SystemTime);
      assert.equal(e.time, Date.parse(`${st.slice(0, 23)}Z`), where);
      assert.deepEqual(e.source, { kind: 'winjson', uri: f, record: i + 1 });
      const data = (x.Event.EventData ?? {}) as Obj;
      for (const [k, v] of Object.entries(data)) {
        if (k === '#attributes') continue;
        assert.deepEqual(e.fields[k], v, `${where} EventData ${k}`);
      }
      const ud = x.Event.UserData as Obj | undefined;
      if (ud) {
        for (const inner of Object.values(ud) as Obj[]) {
          for (const [k, v] of Object.entries(inner))
            if (k !== '#attributes') assert.deepEqual(e.fields[k], v, where);
        }
      }
    });
  }
  assert.ok(total >= files.length);
});

const SD = 'windows-json/security-datasets';
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

/** Lines of the JSON entries of a zip, by Debian's unzip (independent of zip.ts). */
function unzipLines(zip: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const list = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const entry of list) {
    if (entry.startsWith('__MACOSX/') || entry.endsWith('/')) continue;
    const r = spawnSync('unzip', ['-p', zip, entry], { maxBuffer: 1 << 30 });
    assert.equal(r.status, 0);
    out.set(
      entry,
      r.stdout
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim()),
    );
  }
  return out;
}

test('every Security-Datasets host capture reads with no error and one event per line', {
  skip: skipUnlessData(SD) || (hasUnzip ? false : 'unzip not installed'),
}, async () => {
  const zips = walk(sharedData(SD), '.zip').filter((z) => !z.includes('/network/'));
  assert.ok(zips.length >= 35, `found ${zips.length} host captures`);
  let events = 0;
  const lags: number[] = [];
  const outside: string[] = [];
  for (const zip of zips) {
    const expected = unzipLines(zip);
    const { inputs, problems } = await readFile(zip);
    const name = relative(sharedData(SD), zip);
    const errors = problems.filter((p) => p.level === 'error');
    assert.deepEqual(errors, [], name);
    // warnings allowed: a capture without any clue to its clock (3 Raccine events) and those
    // whose TimeCreated claims UTC but is local time (the clock check below proves the fix)
    for (const w of problems)
      assert.match(w.reason, /TimeCreated (has no time zone|of \S+ is -?\d+ h off)/, name);
    if (process.env.HAECHI_TEST_VERBOSE) for (const w of problems) console.error(name, w.reason);
    assert.deepEqual(
      inputs.map((i) => i.uri),
      [...expected.keys()].sort().map((e) => `${zip}!${e}`),
      name,
    );
    for (const input of inputs) {
      const lines = expected.get(input.uri.slice(zip.length + 1))!;
      // per host, the span of Sysmon's own UTC clock, to check every event of that host against
      const span = new Map<string, [number, number]>();
      assert.equal(input.events.length, lines.length, `${name}: events = lines`);
      events += lines.length;
      for (let i = 0; i < lines.length; i++) {
        const e = input.events[i]!;
        // a sample of full field checks, the clock check on every Sysmon record
        const raw = JSON.parse(lines[i]!) as Obj;
        if (i % 97 === 0) {
          assert.equal(e.fields.EventID, raw.EventID, `${name}:${i + 1}`);
          assert.equal(e.fields.Channel, raw.Channel);
          assert.equal(e.fields.Computer, raw.Hostname);
          assert.equal(e.fields.Provider_Name, raw.SourceName ?? raw.Source);
          if (raw.RecordNumber !== undefined) assert.equal(e.fields.EventRecordID, raw.RecordNumber);
          if (typeof raw.CommandLine === 'string') assert.equal(e.fields.CommandLine, raw.CommandLine);
          assert.equal(e.source.record, i + 1);
        }
        // Sysmon stamps its own UTC time; the event time chosen must agree with it (except for
        // network connections and DNS queries, 3 and 22, whose UtcTime is when the flow or query
        // began, which Sysmon reports up to hours later)
        if (typeof raw.UtcTime === 'string' && raw.EventID !== 3 && raw.EventID !== 22) {
          const utc = Date.parse(`${raw.UtcTime.replace(' ', 'T')}Z`);
          const host = String(raw.Hostname);
          const sp = span.get(host);
          if (!sp) span.set(host, [utc, utc]);
          else {
            sp[0] = Math.min(sp[0], utc);
            sp[1] = Math.max(sp[1], utc);
          }
          const lag = Math.abs(e.time - utc);
          lags.push(lag);
          assert.ok(
            lag <= 120_000,
            `${name}:${i + 1}: time ${new Date(e.time).toISOString()} vs UtcTime ${raw.UtcTime}`,
          );
        }
      }
      // every event of a host with Sysmon lies within an hour of that host's Sysmon clock span:
      // the records without UtcTime (Security, Application...) got the same clock correction
      input.events.forEach((e, i) => {
        const sp = span.get(String(e.fields.Computer));
        if (sp && (e.time < sp[0] - 3600_000 || e.time > sp[1] + 3600_000))
          outside.push(`${name}:${i + 1} ${e.fields.Channel} ${new Date(e.time).toISOString()}`);
      });
    }
  }
  assert.ok(events > 170_000, `read ${events} events`);
  assert.deepEqual(
    outside.slice(0, 10),
    [],
    `${outside.length} events outside their host's Sysmon clock span`,
  );
  // Sysmon writes some events seconds after the activity (TimeCreated > UtcTime); a wrong clock
  // offset would be hours off for all of them
  lags.sort((a, b) => a - b);
  assert.ok(lags.length > 100_000, `checked ${lags.length} Sysmon clocks`);
  assert.ok(
    lags[Math.floor(lags.length * 0.99)]! <= 2000,
    `99th percentile lag ${lags[Math.floor(lags.length * 0.99)]} ms`,
  );
  if (process.env.HAECHI_TEST_VERBOSE)
    console.error('lag max', lags.at(-1), 'p99', lags[Math.floor(lags.length * 0.99)]);
});

test('network captures inside Security-Datasets zips are not mistaken for Windows JSON', {
  skip: skipUnlessData(SD),
}, async () => {
  const zip = sharedData(SD, 'discovery/network/empire_shell_samr_EnumDomainUsers.zip');
  const problems: RecordProblem[] = [];
  const opts = { onProblem: (p: RecordProblem) => problems.push(p) };
  let n = 0;
  for await (const input of discoverInputs([zip], opts)) {
    n++;
    assert.match(input.uri, /!.*\.cap$/);
    await assert.rejects(
      (async () => {
        for await (const _ of readEvents(input, opts));
      })(),
      (e: Error & { file?: string }) => /no reader recognises/.test(e.message) && e.file === input.uri,
    );
  }
  assert.equal(n, 1);
  assert.deepEqual(problems, []);
});
