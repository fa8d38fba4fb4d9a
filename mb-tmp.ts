import { AhoCorasick } from './packages/core/src/detect/sigma/aho-corasick.ts';
const lits = ['dpapi::masterkey','eo.oe.kiwi','event::clear','event::drop','gentilkiwi.com','kerberos::golden','kerberos::ptc','kerberos::ptt','kerberos::tgt','kiwi legit printer','lsadump::','mimidrv.sys','\\mimilib.dll','misc::printnightmare','misc::shadowcopies','misc::skeleton','privilege::backup','privilege::debug','privilege::driver','sekurlsa::'];
const text = ('Process accessed:\r\nRuleName: -\r\nUtcTime: 2020-06-10 02:50:54.631\r\nSourceProcessGUID: {6a910b9d-498a-5ee0-c903-000000000400}\r\nSourceImage: C:\\Windows\\system32\\svchost.exe\r\nTargetImage: C:\\Windows\\System32\\lsass.exe GrantedAccess: 0x1000 CallTrace: C:\\Windows\\SYSTEM32\\ntdll.dll+9c584|C:\\Windows\\System32\\KERNELBASE.dll+2730e|').repeat(6);
console.log(text.length);
const ac = new AhoCorasick(lits, true);
const re = new RegExp(lits.map(l => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
const N = 20000;
let t = (process.cpuUsage().user/1000); let c = 0;
for (let i = 0; i < N; i++) if (ac.test(text + '')) c++;
console.log('ac', (((process.cpuUsage().user/1000) - t) / N * 1000).toFixed(2), 'us');
t = (process.cpuUsage().user/1000);
for (let i = 0; i < N; i++) if (re.test(text)) c++;
console.log('regex', (((process.cpuUsage().user/1000) - t) / N * 1000).toFixed(2), 'us');
t = (process.cpuUsage().user/1000);
for (let i = 0; i < N; i++) { const l = text.toLowerCase(); for (const x of lits) if (l.includes(x)) { c++; break; } }
console.log('lower+includes', (((process.cpuUsage().user/1000) - t) / N * 1000).toFixed(2), 'us');
t = (process.cpuUsage().user/1000);
for (let i = 0; i < N; i++) { const l = text.toLowerCase(); c += l.length; }
console.log('lower only', (((process.cpuUsage().user/1000) - t) / N * 1000).toFixed(2), 'us');
