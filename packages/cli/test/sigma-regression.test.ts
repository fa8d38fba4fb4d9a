/**
 * Issue 2 acceptance: every SigmaHQ regression test in ../shared/data/sigma/regression_data/ passes
 * from its evtx_dump `.json` twin: the rule named in info.yml matches at least `match_count` times
 * (at least once where it is absent).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Event, Finding } from '@haechi/core';
import { loadRules, SigmaDetector } from '@haechi/core/detect/sigma';
import { discoverInputs, readEvents } from '@haechi/core/ingest';
import { sharedData, skipUnlessData } from '@haechi/core/testing';
import { parse } from 'yaml';

interface Info {
  rule_metadata: { id: string; title: string }[];
  regression_tests_info: { name: string; type: string; match_count?: number; path: string }[];
}

function findInfos(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findInfos(p, out);
    else if (name === 'info.yml') out.push(p);
  }
  return out;
}

async function readAll(file: string): Promise<{ events: Event[]; problems: string[] }> {
  const events: Event[] = [];
  const problems: string[] = [];
  const opts = { onProblem: (p: { reason: string }) => problems.push(p.reason) };
  for await (const input of discoverInputs([file], opts)) {
    for await (const batch of readEvents(input, opts)) events.push(...batch);
  }
  return { events, problems };
}

test('SigmaHQ regression tests pass from their JSON twins', {
  skip: skipUnlessData('sigma', 'regression_data'),
}, async () => {
  const ruleSet = await loadRules(
    [
      sharedData('sigma', 'rules'),
      sharedData('sigma', 'rules-emerging-threats'),
      sharedData('sigma', 'rules-threat-hunting'),
    ],
    {
      placeholders: {},
    },
  );
  const byId = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const infos = findInfos(sharedData('sigma', 'regression_data'));
  assert.ok(infos.length >= 160, `expected the regression folder to hold ~164 tests, found ${infos.length}`);
  const failures: string[] = [];
  let passed = 0;
  for (const infoFile of infos) {
    const info = parse(readFileSync(infoFile, 'utf8')) as Info;
    for (const meta of info.rule_metadata) {
      const rule = byId.get(meta.id);
      if (!rule) {
        failures.push(`${meta.id} (${meta.title}): rule not loaded`);
        continue;
      }
      const detector = new SigmaDetector([rule], { logsources: ruleSet.logsources });
      for (const t of info.regression_tests_info) {
        const jsonTwin = join(dirname(infoFile), `${meta.id}.json`);
        const { events, problems } = await readAll(jsonTwin);
        if (problems.length)
          failures.push(`${jsonTwin}: reader problems: ${problems.slice(0, 3).join('; ')}`);
        const out: Finding[] = [];
        detector.detect(events, out);
        const matches = out.filter((f) => f.rule.id === meta.id).length;
        const want = t.match_count ?? 1;
        if (matches < want)
          failures.push(
            `${meta.id} (${meta.title}): ${matches} matches, want >= ${want} (${events.length} events)`,
          );
        else passed++;
      }
    }
  }
  console.log(
    `# sigma regression: ${passed} passed, ${failures.length} failed of ${infos.length} info files`,
  );
  assert.deepEqual(failures, []);
});
