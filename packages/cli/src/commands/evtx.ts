/**
 * `haechi evtx dump FILE... [--xml | --jsonl] [--carve]`: the native EVTX parser on its own, for
 * people who only need a parser. XML as Windows renders it, or evtx_dump-shaped JSON (one record
 * per line). Problems (bad checksums, damaged chunks or records) go to stderr with file, chunk and
 * offset; a file that is not EVTX at all stops with exit code 3.
 */
import { HaechiError } from '@haechi/core';
import type { RecordProblem } from '@haechi/core/ingest';
import { defaultThreads, readEvtxFile } from '@haechi/core/ingest/evtx';
import type { Command } from 'commander';

interface DumpFlags {
  xml?: boolean;
  jsonl?: boolean;
  carve?: boolean;
  threads?: string;
  quiet?: boolean;
}

function write(s: string): Promise<void> | undefined {
  if (process.stdout.write(s)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

export async function dumpEvtx(
  files: string[],
  flags: DumpFlags,
): Promise<{ records: number; errors: number; warnings: number }> {
  if (flags.xml && flags.jsonl)
    throw new HaechiError('usage', 'choose one of --xml and --jsonl', { field: '--xml' });
  const kind = flags.jsonl ? 'jsonl' : 'xml';
  let threads = defaultThreads();
  if (flags.threads !== undefined) {
    threads = Number(flags.threads);
    if (!Number.isInteger(threads) || threads < 1) {
      throw new HaechiError('usage', `--threads '${flags.threads}' is not a positive integer`, {
        field: '--threads',
      });
    }
  }
  let records = 0;
  let errors = 0;
  let warnings = 0;
  const onProblem = (p: RecordProblem) => {
    if (p.level === 'error') errors++;
    else warnings++;
    if (!flags.quiet) process.stderr.write(`haechi: ${p.level}: ${p.file}: ${p.reason}\n`);
  };
  if (kind === 'xml') await write('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>\n');
  for (const file of files) {
    for await (const items of readEvtxFile(file, kind, { carve: flags.carve, threads, onProblem })) {
      records += items.length;
      const text = kind === 'jsonl' ? `${items.join('\n')}\n` : items.join('');
      const wait = write(text);
      if (wait) await wait;
    }
  }
  if (kind === 'xml') await write('</Events>\n');
  if (!flags.quiet) {
    process.stderr.write(
      `haechi: ${records} records from ${files.length} file(s)${errors ? `, ${errors} error(s)` : ''}${warnings ? `, ${warnings} warning(s)` : ''}\n`,
    );
  }
  return { records, errors, warnings };
}

export function register(program: Command): void {
  const evtx = program.command('evtx').description('Work with Windows XML Event Log (.evtx) files directly.');
  evtx
    .command('dump')
    .description('Print the records of EVTX files as Windows XML (default) or evtx_dump-style JSON lines.')
    .argument('<files...>', '.evtx files')
    .option('--xml', 'Windows XML (the default)')
    .option('--jsonl', 'one JSON object per record, in the evtx_dump shape (#attributes, #text)')
    .option('--carve', 'also recover records from chunk slack space (marked as recovered)')
    .option('-t, --threads <n>', `worker threads for large files (default ${defaultThreads()})`)
    .option('-q, --quiet', 'do not report problems and totals on stderr')
    .addHelpText(
      'after',
      `
Examples:
  haechi evtx dump Security.evtx > security.xml
  haechi evtx dump --jsonl --carve damaged.evtx | jq .Event.System.EventRecordID`,
    )
    .action(async (files: string[], flags: DumpFlags) => {
      await dumpEvtx(files, flags);
    });
}
