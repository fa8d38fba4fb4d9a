/**
 * The directory export (issue 6's format: CSV with a header or JSON records) as the supplier side
 * sees it: `account` (the key), `supplier`, `groups`, `spns` (an account with service principal
 * names is a service account), `admin`, `enabled`, `last_logon`. The credentials domain owns the
 * parser; this adapter keeps only what the access graph and the supplier detections use.
 */
import { readFile } from 'node:fs/promises';
import { parseDirectory as parseDirectoryExport } from '../creds/index.js';
import { HaechiError } from '../errors.js';
import type { RecordProblem } from '../ingest/types.js';
import { bareAccount } from './match.js';

export interface DirectoryAccount {
  /** bare, lower-case sAMAccountName */
  account: string;
  /** the supplier company for its staff; undefined for the organisation's own people */
  supplier?: string;
  groups: string[];
  /** service principal names: present for service accounts */
  spns?: string[];
  /** member of an administrative group (domain-wide administrative rights) */
  admin?: boolean;
  enabled?: boolean;
  /** epoch ms */
  lastLogon?: number;
}

/** Parses the export's text. `onProblem` receives every record or value that was dropped. */
export function parseDirectory(
  text: string,
  file: string,
  onProblem: (p: RecordProblem) => void = () => {},
): DirectoryAccount[] {
  const dir = parseDirectoryExport(text, file, { onProblem });
  const out: DirectoryAccount[] = [];
  for (const r of dir.records.values()) {
    const a: DirectoryAccount = { account: bareAccount(r.account), groups: r.groups ?? [] };
    if (r.spns?.length) a.spns = r.spns;
    if (r.supplier?.trim()) a.supplier = r.supplier.trim();
    if (r.admin !== undefined) a.admin = r.admin;
    if (r.enabled !== undefined) a.enabled = r.enabled;
    if (r.lastLogon !== undefined) a.lastLogon = r.lastLogon;
    out.push(a);
  }
  return out;
}

export async function loadDirectory(
  path: string,
  onProblem?: (p: RecordProblem) => void,
): Promise<DirectoryAccount[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new HaechiError('input', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`, {
      cause: err,
      file: path,
    });
  }
  return parseDirectory(text, path, onProblem);
}
