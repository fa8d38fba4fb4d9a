/**
 * The demo's threat intelligence: a STIX 2.1 bundle with the indicators the demo scenario plants
 * (the implant's C2 domain and address, the implant's SHA-256), linked to Andariel (ATT&CK G0138),
 * as the scenario's story has it. DEMO DATA: the indicators are invented for the demo and are not
 * real threat intelligence; the bundle is marked TLP:CLEAR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Indicator, indicatorsToStixBundle } from '@haechi/core/intel';
import { ATTACKER } from './scenario.js';

export const DEMO_INTEL_FILE = 'demo-intel.stix.json';

const NOTE =
  'DEMO DATA. Invented indicators for the haechi demo scenario (Seongjin Precision); not real threat intelligence. Do not share as intelligence.';

export function demoIndicators(): Indicator[] {
  const base = {
    source: 'haechi demo intelligence',
    confidence: 80,
    validFrom: Date.parse('2026-01-01T00:00:00Z'),
    tlp: 'clear' as const,
    actors: ['G0138'],
  };
  return [
    {
      id: 'demo-c2-domain',
      type: 'domain',
      value: ATTACKER.c2Domain,
      name: 'Demo: implant C2 domain',
      ...base,
    },
    { id: 'demo-c2-ip', type: 'ipv4', value: ATTACKER.c2Ip, name: 'Demo: implant C2 address', ...base },
    {
      id: 'demo-implant',
      type: 'sha256',
      value: ATTACKER.implantSha256,
      name: 'Demo: implant (msedgeupd.exe)',
      ...base,
    },
  ];
}

/** Writes the demo's STIX bundle into `dir` and returns its path (pass it to `hunt --ioc`). */
export async function writeDemoIntel(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const bundle = indicatorsToStixBundle(demoIndicators(), {
    producer: 'haechi demo',
    created: '2026-03-01T00:00:00.000Z',
    note: NOTE,
    actorNames: {
      G0138: {
        name: ATTACKER.actor,
        aliases: ['Silent Chollima', 'Onyx Sleet', 'PLUTONIUM'],
        attackId: 'G0138',
      },
    },
  });
  const path = join(dir, DEMO_INTEL_FILE);
  await writeFile(path, `${JSON.stringify(bundle, null, 2)}\n`);
  return path;
}
