import type { HuntPlugin } from '../plugin.js';

/**
 * Every hunt plugin, in the order their `transform`s run. Add one line per plugin.
 */
export const HUNT_PLUGINS: readonly HuntPlugin[] = [];
