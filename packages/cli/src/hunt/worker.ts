/**
 * Worker thread entry of `hunt`: builds a HuntEngine from the spec in workerData, then processes
 * the files the main thread sends, one at a time, posting findings, wanted events and stats back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Event, Finding } from '@haechi/core';
import { type EngineSpec, HuntEngine, type InputStats } from './engine.js';

export type ToWorker = { type: 'file'; path: string; chunks?: [number, number] } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'findings'; findings: Finding[] }
  | { type: 'events'; plugin: string; events: Event[] }
  | { type: 'input'; stats: InputStats }
  | { type: 'done'; path: string }
  | {
      type: 'error';
      path?: string;
      message: string;
      code?: string;
      file?: string;
      line?: number;
      field?: string;
    };

const port = parentPort;
if (port) {
  const post = (m: FromWorker) => port.postMessage(m);
  HuntEngine.create(workerData as EngineSpec).then(
    (engine) => {
      post({ type: 'ready' });
      let chain = Promise.resolve();
      port.on('message', (m: ToWorker) => {
        if (m.type === 'stop') {
          chain.then(() => port.close());
          return;
        }
        chain = chain.then(async () => {
          try {
            await engine.processFile(
              m.path,
              {
                findings: (findings) => post({ type: 'findings', findings }),
                events: (plugin, events) => post({ type: 'events', plugin, events }),
                input: (stats) => post({ type: 'input', stats }),
              },
              m.chunks,
            );
            post({ type: 'done', path: m.path });
          } catch (err) {
            const e = err as Error & { code?: string; file?: string; line?: number; field?: string };
            post({
              type: 'error',
              path: m.path,
              message: e.message,
              code: e.code,
              file: e.file,
              line: e.line ?? (e as { record?: number }).record,
              field: e.field,
            });
          }
        });
      });
    },
    (err: Error & { code?: string; file?: string }) => {
      post({ type: 'error', message: err.message, code: err.code, file: err.file });
    },
  );
}
