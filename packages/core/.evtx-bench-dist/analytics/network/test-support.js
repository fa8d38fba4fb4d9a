/**
 * Helpers for the network analytics' tests and benchmarks: read real logs with the readers (format
 * sniffed), build Zeek conn events for injected activity, run analytics over events.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileInput, NETWORK_READERS } from '../../ingest/network/index.js';
export async function readNetworkLogs(...paths) {
    const files = [];
    for (const p of paths) {
        if (statSync(p).isDirectory())
            for (const n of readdirSync(p).sort())
                files.push(join(p, n));
        else
            files.push(p);
    }
    const out = [];
    for (const f of files) {
        const input = fileInput(f);
        let best = NETWORK_READERS[0];
        let score = 0;
        for (const r of NETWORK_READERS) {
            const s = r.sniff(f, input.head);
            if (s > score) {
                score = s;
                best = r;
            }
        }
        if (score === 0)
            continue;
        for await (const b of best.read(input, {}))
            for (const e of b)
                out.push(e);
    }
    return out;
}
let counter = 0;
/** A Zeek conn event as the TSV reader produces it. */
export function connEvent(c, uri = 'injected/conn.log') {
    counter++;
    return {
        time: c.time,
        source: { kind: 'zeek.conn', uri, record: counter },
        fields: {
            ts: c.time / 1000,
            uid: c.uid ?? `Cinj${counter}`,
            'id.orig_h': c.src,
            'id.orig_p': c.sport ?? 40000 + (counter % 20000),
            'id.resp_h': c.dst,
            'id.resp_p': c.dport,
            proto: c.proto ?? 'tcp',
            ...(c.service ? { service: c.service } : {}),
            duration: c.duration ?? 1,
            orig_bytes: c.origBytes ?? 500,
            resp_bytes: c.respBytes ?? 1500,
            conn_state: c.state ?? 'SF',
        },
    };
}
/** Feed events (in batches, as hunt does) to the analytic and return its findings. */
export function runAnalytic(a, events, batch = 1000) {
    for (let i = 0; i < events.length; i += batch) {
        const part = events.slice(i, i + batch).filter((e) => a.wants(e));
        if (part.length)
            a.feed(part);
    }
    return a.finish();
}
/** A small deterministic PRNG (mulberry32) for injected activity. */
export function prng(seed) {
    let s = seed >>> 0;
    return () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
//# sourceMappingURL=test-support.js.map