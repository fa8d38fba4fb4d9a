import { writeFileSync } from 'node:fs';
import { readPaths } from './packages/core/src/ingest/index.ts';
const lines: string[] = [];
for await (const r of readPaths(['/work/shared/data/windows-json/security-datasets'])) for await (const b of r.batches) for (const e of b) lines.push(JSON.stringify(e));
writeFileSync('/tmp/sd-events.jsonl', lines.join('\n'));
console.log(lines.length);
