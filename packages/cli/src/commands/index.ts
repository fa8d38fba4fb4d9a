import type { Command } from 'commander';
import { register as attribute } from './attribute.js';
import { register as config } from './config.js';
import { register as creds } from './creds.js';
import { register as demo } from './demo.js';
import { register as evtx } from './evtx.js';
import { register as hunt } from './hunt.js';
import { register as intel } from './intel.js';
import { register as rules } from './rules.js';
import { register as suppliers } from './suppliers.js';

/** A sub-command module: adds itself to the program. Add one line per command file below. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  hunt,
  demo,
  config,
  creds,
  evtx,
  intel,
  attribute,
  suppliers,
  rules,
];
