import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORK_READERS, fileInput } from './packages/core/src/ingest/network/index.ts';
import { createNetworkAnalytics } from './packages/core/src/analytics/network/index.ts';
import { createEnricher } from './packages/core/src/enrich/index.ts';
const [dir, internal] = process.argv.slice(2);
const enricher = createEnricher({ internal: internal ? internal.split(',') : undefined, listsDir: '/work/shared/data/network/enrichment' });
const an = createNetworkAnalytics({ enricher });
const files = statSync(dir).isDirectory() ? readdirSync(dir).map((n) => join(dir, n)) : [dir];
for (const f of files) {
  const inp = fileInput(f);
  const [r, s] = NETWORK_READERS.map((r) => [r, r.sniff(f, inp.head)] as const).sort((a, b) => b[1] - a[1])[0]!;
  if (!s) continue;
  for await (const b of r.read(inp, {})) for (const a of an) a.feed(b.filter((e) => a.wants(e)));
}
for (const a of an) for (const f of a.finish()) console.log(f.detector, f.score, f.severity, f.rule.title, JSON.stringify(f.details).slice(0, 300));
