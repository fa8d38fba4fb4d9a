import type { HuntPlugin } from '../plugin.js';
import { credsPlugin } from './creds.js';
import { intelPlugin } from './intel.js';
import { networkPlugin } from './network.js';
import { suppliersPlugin } from './suppliers.js';

/**
 * Every hunt plugin, in the order their `transform`s run. Add one line per plugin.
 */
export const HUNT_PLUGINS: readonly HuntPlugin[] = [
  networkPlugin,
  credsPlugin,
  // escalates findings inside change windows: before intel, so incidents see the escalation
  suppliersPlugin,
  // intel groups every finding into incidents and attributes them: keep it last
  intelPlugin,
];
