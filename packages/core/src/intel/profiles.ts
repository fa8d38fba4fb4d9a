/**
 * Haechi's own actor profiles (`packages/core/data/actors/*.yaml`): the North Korean groups, written
 * here from public facts, each fact naming its source (a key of the file's `sources`). Validated
 * with zod so a broken profile is reported with its file and path.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { HaechiError } from '../errors.js';
import { yaml } from '../util/lazy-yaml.js';

const fact = z.object({ value: z.string().min(1), source: z.string().min(1) });
const ProfileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    attack_id: z
      .string()
      .regex(/^G\d{4}$/)
      .optional(),
    country: z.string().optional(),
    note: z.string().optional(),
    aliases: z.array(fact).default([]),
    attribution: z.array(fact).default([]),
    sectors: z.array(fact).default([]),
    targets: z.array(fact).default([]),
    techniques: z
      .array(
        z.object({
          id: z.string().regex(/^T\d{4}(\.\d{3})?$/),
          source: z.string().min(1),
          note: z.string().optional(),
        }),
      )
      .default([]),
    malware: z
      .array(
        z.object({
          name: z.string().min(1),
          attack_id: z
            .string()
            .regex(/^S\d{4}$/)
            .optional(),
          kind: z.enum(['malware', 'tool']).optional(),
          source: z.string().min(1),
        }),
      )
      .default([]),
    infrastructure: z
      .array(
        z.object({
          kind: z.enum([
            'note',
            'ipv4',
            'ipv6',
            'cidr4',
            'cidr6',
            'domain',
            'url',
            'md5',
            'sha1',
            'sha256',
            'email',
          ]),
          value: z.string().min(1),
          source: z.string().min(1),
        }),
      )
      .default([]),
    timing: z
      .array(
        z.object({
          tz: z.string().min(1),
          hours: z.string().regex(/^\d\d:\d\d-\d\d:\d\d$/),
          note: z.string().optional(),
          source: z.string().min(1),
        }),
      )
      .default([]),
    sources: z.record(z.string(), z.object({ title: z.string().min(1), url: z.string().url() })),
  })
  .superRefine((p, ctx) => {
    const lists = [
      'aliases',
      'attribution',
      'sectors',
      'targets',
      'techniques',
      'malware',
      'infrastructure',
      'timing',
    ] as const;
    for (const l of lists) {
      (p[l] as { source: string }[]).forEach((f, i) => {
        if (!(f.source in p.sources)) {
          ctx.addIssue({
            code: 'custom',
            path: [l, i, 'source'],
            message: `source "${f.source}" is not in sources`,
          });
        }
      });
    }
  });

export type ActorProfile = z.infer<typeof ProfileSchema> & { file: string };

/** The folder of haechi's profiles (works from sources and from the built package). */
export function defaultProfilesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'actors');
}

export function parseProfile(text: string, file: string): ActorProfile {
  let raw: unknown;
  try {
    raw = yaml().parse(text);
  } catch (err) {
    throw new HaechiError('input', `actor profile is not valid YAML: ${(err as Error).message}`, {
      file,
      cause: err,
    });
  }
  const r = ProfileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new HaechiError('input', `invalid actor profile: ${issue.message}`, {
      file,
      field: issue.path.join('.'),
    });
  }
  return { ...r.data, file };
}

export async function loadProfiles(dir = defaultProfilesDir()): Promise<ActorProfile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    throw new HaechiError('input', `cannot read actor profiles: ${(err as Error).message}`, {
      file: dir,
      cause: err,
    });
  }
  const out: ActorProfile[] = [];
  for (const n of names) {
    const file = join(dir, n);
    out.push(parseProfile(await readFile(file, 'utf8'), file));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "<title> <url>" of a fact's source, for evidence lines */
export function citeProfile(p: ActorProfile, sourceKey: string): string {
  const s = p.sources[sourceKey];
  return s ? `${s.title} <${s.url}>` : sourceKey;
}
