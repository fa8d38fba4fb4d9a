/**
 * `npm run bench -- creds [entries]`: the credential audit's speed.
 *  1. index build from HIBP-style text (ordered `HASH:COUNT` lines, streamed) and from an unordered
 *     wordlist (hashed to NT, externally sorted), in lines per second;
 *  2. lookups per second against a ten-million-entry index read from disk (batched, and one by one);
 *  3. the audit of 100,000 accounts (dump + directory + corpus + exposures), and what one linked
 *     plaintext exposure costs (the personal-reuse variant search).
 * Everything is generated into a temporary folder and deleted afterwards. Deterministic data.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@haechi/core';
import { createCredentialAttackAnalytic } from '@haechi/core/analytics/auth';
import {
  auditFiles,
  buildCorpusIndex,
  checkExposures,
  forEachVariant,
  hexKey,
  ntHash,
  ntHashWords,
  openCorpusIndex,
} from '@haechi/core/creds';

const ENTRIES = Number(process.argv[2] ?? 10_000_000);
const dir = mkdtempSync(join(tmpdir(), 'haechi-bench-creds-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
let baseline = 0;
/** CPU time of this process in ms (user + system): the machine is shared, so wall time alone misleads */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let c = 0;
let cs = 0;

/** xorshift128+ style generator on two u32 states: deterministic and fast */
function rng(seed: number) {
  let a = seed >>> 0 || 1;
  let b = 0x9e3779b9;
  return () => {
    let t = a ^ (a << 11);
    a = b;
    b = (b ^ (b >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    t = b;
    return t >>> 0;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
const u32hex = (v: number) => HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];

class Out {
  private fd: number;
  private buf = Buffer.allocUnsafe(1 << 22);
  private used = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(s: string) {
    if (this.used + s.length * 3 > this.buf.length) this.flush();
    this.used += this.buf.write(s, this.used);
  }
  flush() {
    writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

try {
  // ---- 1. an ordered HIBP NTLM file of ENTRIES lines: the top 32 bits rise steadily, the rest random
  const r = rng(20260302);
  const hibp = join(dir, 'pwned-ntlm.txt');
  const samples: string[] = [];
  let t = performance.now();
  {
    const out = new Out(hibp);
    const step = 2 ** 32 / ENTRIES;
    for (let i = 0; i < ENTRIES; i++) {
      // strictly increasing: each line's top word lies in its own slot of width `step` (>= 2)
      const hi = Math.floor(i * step + (r() / 2 ** 32) * (step - 1)) >>> 0;
      const line = `${u32hex(hi)}${u32hex(r())}${u32hex(r())}${u32hex(r())}:${1 + (r() % 5000)}\r\n`;
      if (i % 997 === 0) samples.push(line.slice(0, 32));
      out.write(line);
    }
    out.close();
  }
  const bytes = statSync(hibp).size;
  console.log(
    `generated ${fmt(ENTRIES)} HIBP NTLM lines (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (the machine is shared; compare ratios)`,
  );
  // baseline: the same bytes read and split into lines, nothing else
  t = performance.now();
  c = cpuNow();
  {
    const fd = openSync(hibp, 'r');
    const b = Buffer.allocUnsafe(4 << 20);
    let n = 0;
    let got = 0;
    let pos = 0;
    while ((got = readSync(fd, b, 0, b.length, pos)) > 0) {
      pos += got;
      let s0 = 0;
      for (;;) {
        const nl = b.indexOf(10, s0);
        if (nl < 0 || nl >= got) break;
        n++;
        s0 = nl + 1;
      }
    }
    closeSync(fd);
    const sec = (performance.now() - t) / 1000;
    cs = (cpuNow() - c) / 1000;
    console.log(
      `baseline: reading and splitting the text: ${fmt(n / sec)} lines/s [CPU time: ${fmt(n / cs)} lines/s]`,
    );
    baseline = n / cs;
  }
  const idx = join(dir, 'pwned-ntlm.idx');
  t = performance.now();
  c = cpuNow();
  const built = buildCorpusIndex(hibp, idx);
  let secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  const idxBytes = statSync(idx).size;
  console.log(
    `index build, ordered HIBP text: ${fmt(built.lines)} lines in ${secs.toFixed(2)} s = ${fmt(built.lines / secs)} lines/s [CPU time: ${fmt(built.lines / cs)} lines/s] (${(bytes / 2 ** 20 / secs).toFixed(0)} MiB/s); index ${(idxBytes / 2 ** 20).toFixed(0)} MiB = ${(idxBytes / built.entries).toFixed(2)} bytes/entry, ${built.prefixBits + 40} bits kept${built.sorted ? ' (input was NOT in order: externally sorted)' : ''}; ${((built.lines / cs / baseline) * 100).toFixed(0)}% of the bare line-splitting speed (CPU time)`,
  );
  rmSync(hibp);

  // unordered: a wordlist, hashed to NT and sorted externally
  const WORDS = Math.min(ENTRIES, 2_000_000);
  const words = join(dir, 'words.txt');
  {
    const out = new Out(words);
    for (let i = 0; i < WORDS; i++) out.write(`pw${(r() % 100000000).toString(36)}${i % 1000}\n`);
    out.close();
  }
  t = performance.now();
  c = cpuNow();
  const wb = buildCorpusIndex(words, join(dir, 'words.idx'));
  secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  console.log(
    `index build, unordered wordlist (NT hashing + external sort): ${fmt(wb.lines)} lines in ${secs.toFixed(2)} s = ${fmt(wb.lines / secs)} lines/s [CPU time: ${fmt(wb.lines / cs)} lines/s]`,
  );
  rmSync(words);

  // ---- 2. lookups against the index on disk
  const ix = openCorpusIndex(idx);
  const rss0 = process.memoryUsage().rss;
  const Q = 2_000_000;
  const his = new Uint32Array(Q);
  const los = new Uint32Array(Q);
  for (let i = 0; i < Q; i++) {
    if (i % 2 === 0) {
      const k = hexKey(samples[(i / 2) % samples.length])!;
      his[i] = k.hi;
      los[i] = k.lo;
    } else {
      his[i] = r();
      los[i] = r();
    }
  }
  ix.lookupMany(his.subarray(0, 10000), los.subarray(0, 10000)); // warm-up
  t = performance.now();
  c = cpuNow();
  const counts = ix.lookupMany(his, los);
  secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  let hits = 0;
  for (let i = 0; i < Q; i += 2) if (counts[i] > 0) hits++;
  console.log(
    `lookups, batched (${fmt(Q)} keys, half present) against ${fmt(ix.entries)} entries on disk: ${fmt(Q / secs)} lookups/s [CPU time: ${fmt(Q / cs)}/s]; ${hits}/${Q / 2} present found`,
  );
  for (const batch of [1000, 10000, 100000]) {
    const rounds = Math.max(1, Math.floor(200000 / batch));
    t = performance.now();
    c = cpuNow();
    for (let k = 0; k < rounds; k++) {
      const off = (k * batch) % (Q - batch);
      ix.lookupMany(his.subarray(off, off + batch), los.subarray(off, off + batch));
    }
    secs = (performance.now() - t) / 1000;
    cs = (cpuNow() - c) / 1000;
    console.log(
      `lookups, batches of ${fmt(batch)}: ${fmt((rounds * batch) / secs)} lookups/s [CPU time: ${fmt((rounds * batch) / cs)}/s]`,
    );
  }
  const single = 200_000;
  const hexes = Array.from({ length: single }, (_, i) =>
    i % 2 ? samples[i % samples.length] : `${u32hex(r())}${u32hex(r())}`,
  );
  t = performance.now();
  c = cpuNow();
  for (const h of hexes) ix.lookupHex(h);
  secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  console.log(
    `lookups, one at a time (a read per lookup): ${fmt(single / secs)} lookups/s [CPU time: ${fmt(single / cs)}/s]`,
  );
  console.log(
    `memory while querying: RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (prefix table ${((((1 << (ix.bits - 40)) + 1) * 4) / 2 ** 20).toFixed(1)} MiB; index file ${(idxBytes / 2 ** 20).toFixed(0)} MiB stays on disk; RSS before queries ${(rss0 / 2 ** 20).toFixed(0)} MiB)`,
  );
  ix.close();

  // NT hashing speed (the wordlist and variant paths)
  const words2 = Array.from({ length: 1_000_000 }, (_, i) => `Summer${i}!`);
  const w = new Uint32Array(4);
  t = performance.now();
  c = cpuNow();
  for (const s of words2) ntHashWords(s, w);
  secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  console.log(
    `NT hashes (pure TypeScript MD4): ${fmt(words2.length / secs)} /s [CPU time: ${fmt(words2.length / cs)}/s]`,
  );

  // ---- 3. audit of 100,000 accounts
  const N = 100_000;
  const dump = new Out(join(dir, 'ntds.ntds'));
  const dirCsv = new Out(join(dir, 'directory.csv'));
  dirCsv.write(
    'account,enabled,admin,supplier,personal_emails,spns,preauth_required,password_never_expires,password_not_required,des_only,aes_keys,trusted_for_delegation,groups,last_logon\n',
  );
  const exp = new Out(join(dir, 'exposures.txt'));
  const corpusWords = new Out(join(dir, 'corpus.txt'));
  for (let i = 0; i < 5000; i++) corpusWords.write(`Common${i}!\n`);
  corpusWords.close();
  for (let i = 0; i < N; i++) {
    const name = `user${i}`;
    // a few weak habits: every 20th a corpus password, every 50th shares with a neighbour
    const pw =
      i % 20 === 0 ? `Common${i % 5000}!` : i % 50 === 1 ? 'Shared-Team-2026' : `U${i}-${r().toString(36)}`;
    dump.write(
      `CORP\\${name}:${10000 + i}:aad3b435b51404eeaad3b435b51404ee:${ntHash(pw)}::: (status=Enabled)\n`,
    );
    dump.write(
      `CORP\\${name}_history0:${10000 + i}:aad3b435b51404eeaad3b435b51404ee:${ntHash(`${pw}-old`)}:::\n`,
    );
    const personal = i % 1000 === 0 ? `p${i}@mail.example` : '';
    dirCsv.write(
      `${name},true,${i % 5000 === 0},${i % 10 === 0 ? 'Vendor Co' : ''},${personal},${i % 300 === 0 ? 'HTTP/app' : ''},${i % 777 !== 0},${i % 7 === 0},false,false,true,false,,2026-0${1 + (i % 3)}-01T00:00:00Z\n`,
    );
    if (personal) exp.write(`${personal}:${pw.replace(/\d+/, '1999')}\n`);
    if (i % 10 === 0) exp.write(`nobody${i}@mail.example:whatever${i}\n`);
  }
  dump.close();
  dirCsv.close();
  exp.close();
  t = performance.now();
  c = cpuNow();
  const bare = auditFiles({
    hashes: [join(dir, 'ntds.ntds')],
    directory: join(dir, 'directory.csv'),
    corpus: join(dir, 'corpus.txt'),
    now: Date.parse('2026-04-15T00:00:00Z'),
  });
  secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  console.log(
    `audit of ${fmt(bare.accounts)} accounts (with history, directory, 5,000-word corpus), no exposures: ${secs.toFixed(2)} s = ${fmt(bare.accounts / secs)} accounts/s [CPU time ${cs.toFixed(2)} s]`,
  );
  t = performance.now();
  c = cpuNow();
  const res = auditFiles({
    hashes: [join(dir, 'ntds.ntds')],
    directory: join(dir, 'directory.csv'),
    corpus: join(dir, 'corpus.txt'),
    exposures: join(dir, 'exposures.txt'),
    now: Date.parse('2026-04-15T00:00:00Z'),
  });
  secs = (performance.now() - t) / 1000;
  cs = (cpuNow() - c) / 1000;
  const byCheck = new Map<string, number>();
  for (const f of res.findings) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + f.accounts.length);
  console.log(
    `audit of ${fmt(res.accounts)} accounts (with history, directory, 5,000-word corpus, ${res.exposures?.linked} linked plaintext exposures): ${secs.toFixed(2)} s = ${fmt(res.accounts / secs)} accounts/s [CPU time ${cs.toFixed(2)} s]`,
  );
  console.log(`  accounts per check: ${[...byCheck].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  // one linked plaintext exposure: how many variants and how long
  let n = 0;
  t = performance.now();
  c = cpuNow();
  const REPS = 20;
  for (let k = 0; k < REPS; k++) {
    checkExposures([`a@b.example:Hanil@2019`], () => [
      { key: 'x', current: ntHash('no-match'), history: [] },
    ]);
  }
  secs = (performance.now() - t) / 1000 / REPS;
  cs = (cpuNow() - c) / 1000;
  forEachVariant('Hanil@2019', () => {
    n++;
    return false;
  });
  console.log(
    `personal-reuse: ${fmt(n)} variants per linked plaintext exposure, ${(secs * 1000).toFixed(0)} ms each [CPU time ${((cs * 1000) / REPS).toFixed(0)} ms]`,
  );

  // ---- 4. the credential-attack analytics over a million authentication events
  {
    const E = 1_000_000;
    const T0 = Date.parse('2026-03-02T00:00:00Z');
    const events: Event[] = [];
    for (let i = 0; i < E; i++) {
      const u = r() % 5000;
      const failed = r() % 20 === 0;
      events.push({
        time: T0 + Math.floor((i / E) * 7 * 86_400_000),
        source: { kind: 'evtx', uri: 'bench.evtx', record: i + 1 },
        fields: {
          EventID: failed ? 4625 : 4624,
          Channel: 'Security',
          Computer: 'DC-01',
          TargetUserName: `user${u}`,
          IpAddress: `10.${(u >> 8) & 255}.${u & 255}.${1 + (r() % 3)}`,
          LogonType: 3,
          ...(failed ? { Status: '0xc000006d', SubStatus: '0xc000006a' } : {}),
        },
      });
    }
    t = performance.now();
    c = cpuNow();
    const a = createCredentialAttackAnalytic();
    for (let k = 0; k < E; k += 1000) a.feed(events.slice(k, k + 1000).filter((e) => a.wants(e)));
    const fs = a.finish();
    secs = (performance.now() - t) / 1000;
    cs = (cpuNow() - c) / 1000;
    console.log(
      `credential-attack analytics over ${fmt(E)} logon events (5,000 users, 5% failures): ${secs.toFixed(2)} s = ${fmt(E / secs)} events/s [CPU time: ${fmt(E / cs)}/s], ${fs.length} findings`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
