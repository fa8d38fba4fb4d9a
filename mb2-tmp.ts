import { AhoCorasick } from './packages/core/src/detect/sigma/aho-corasick.ts';
const lits = ['dpapi::masterkey','eo.oe.kiwi','event::clear','sekurlsa::'];
const text = 'x'.repeat(2000);
const ac = new AhoCorasick(lits, true) as any;
console.log('dense?', !!ac.delta, ac.width);
const N = 20000; let c = 0;
let t = (process.cpuUsage().user/1000);
for (let i = 0; i < N; i++) if (ac.test(text)) c++;
console.log('ac', (((process.cpuUsage().user/1000) - t) / N * 1000).toFixed(2), 'us');
const delta: Int32Array = ac.delta, classOf: Uint16Array = ac.classOf, width = ac.width;
t = (process.cpuUsage().user/1000);
for (let i = 0; i < N; i++) { let s = 0; for (let j = 0; j < text.length; j++) { let ch = text.charCodeAt(j); if (ch >= 65 && ch <= 90) ch += 32; s = delta[s * width + classOf[ch]]; if (ac.out[s] !== undefined) c++; } }
console.log('inline', (((process.cpuUsage().user/1000) - t) / N * 1000).toFixed(2), 'us');
