import { Command } from 'commander';
import { register } from './packages/cli/src/commands/creds.ts';
const p = new Command(); p.exitOverride(); register(p);
try { await p.parseAsync(process.argv); } catch (e) { console.error(String(e)); process.exitCode = 2; }
