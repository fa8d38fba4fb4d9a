import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { listRuleFiles, compileRule } from './packages/core/src/detect/sigma/index.ts';
const files = listRuleFiles(['/work/shared/data/sigma/rules']);
const docs = files.map((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS()));
for (let k = 0; k < 5; k++) for (const d of docs) for (const x of d) compileRule(x);
