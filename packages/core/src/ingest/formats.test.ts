/**
 * The registry as a whole, on the real data: every Windows JSON input is claimed by a Windows JSON
 * reader, and no other log in ../shared/data (Zeek, Suricata, Argus, EVTX, rules, docs) is mistaken
 * for Windows JSON. This guards the boundaries between readers written by different people.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { SHARED_DATA, sharedData, skipUnlessData } from '../testing/index.js';
import { FORMATS, sniffFormat } from './formats.js';
import { discoverInputs } from './inputs.js';

const WINDOWS_JSON = new Set(['evtx-json', 'nxlog-json', 'ecs-json']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** The reader sniffing picks, or undefined when none does. */
function pick(name: string, head: Buffer): string | undefined {
  try {
    return sniffFormat(name, head).name;
  } catch {
    return undefined;
  }
}

test('the Windows JSON readers are registered', () => {
  for (const n of WINDOWS_JSON)
    assert.ok(
      FORMATS.some((f) => f.name === n),
      n,
    );
});

test('Windows JSON inputs go to Windows JSON readers', { skip: skipUnlessData('windows-json') }, async () => {
  const seen: Record<string, number> = {};
  const roots = [sharedData('windows-json')];
  if (!skipUnlessData('sigma/regression_data')) roots.push(sharedData('sigma/regression_data'));
  for await (const input of discoverInputs(roots, { onProblem: () => {} })) {
    if (!/\.json$/.test(input.name ?? '')) continue;
    const f = pick(input.name ?? input.uri, input.head);
    assert.ok(f && WINDOWS_JSON.has(f), `${relative(SHARED_DATA, input.uri)} -> ${f}`);
    seen[f] = (seen[f] ?? 0) + 1;
  }
  assert.ok((seen['nxlog-json'] ?? 0) >= 35, JSON.stringify(seen));
  assert.ok((seen['evtx-json'] ?? 0) >= 150, JSON.stringify(seen));
});

test('no other data is taken for Windows JSON', { skip: skipUnlessData('network') }, async () => {
  const files = ['network', 'evtx/samples', 'attack', 'sigma/tests', 'sigma/spec']
    .filter((d) => !skipUnlessData(d))
    .flatMap((d) => walk(sharedData(d)))
    .filter((p) => statSync(p).size < 200 * 1024 * 1024);
  assert.ok(files.length > 50, `${files.length} files`);
  for await (const input of discoverInputs(files, { onProblem: () => {} })) {
    const f = pick(input.name ?? input.uri, input.head);
    assert.ok(!f || !WINDOWS_JSON.has(f), `${relative(SHARED_DATA, input.uri)} taken for ${f}`);
  }
});
