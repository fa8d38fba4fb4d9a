import type { Command } from 'commander';

/** A sub-command module: adds itself to the program. Add one line per command file below. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [];
