/** Shared helpers for benchmarks: timing, formatting, the shared data folder. */
import { existsSync } from 'node:fs';
import { sharedData } from '@haechi/core/testing';

export function needData(...parts: string[]): string {
  const p = sharedData(...parts);
  if (!existsSync(p)) {
    console.log(`SKIP: ${p} not found (benchmarks read ../shared/data)`);
    process.exit(0);
  }
  return p;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Runs fn `repeat` times and returns the best time in ms (the least disturbed by the machine). */
export async function best(repeat: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let bestMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return bestMs;
}

export function row(label: string, ...cols: string[]): void {
  console.log(`${label.padEnd(44)} ${cols.map((c) => c.padStart(16)).join(' ')}`);
}
