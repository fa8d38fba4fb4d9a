import { SEVERITIES } from '../../model/index.js';
import { HostMatcher, isPrivateIp, parseIp, shortHost } from '../../suppliers/match.js';
import { channel, compareRefs, eventHost, eventId, fnv, iso, isSecurity, isSysmon, isZeekConn, MAX_EVIDENCE, num, str, } from './common.js';
export function compileWindows(windows) {
    return windows
        .map((entry) => ({ entry, hosts: new HostMatcher(entry.hosts) }))
        .sort((a, b) => a.entry.startMs - b.entry.startMs || a.entry.id.localeCompare(b.entry.id));
}
/** whether `host` (a name or an address) is one of the window's hosts */
function windowCovers(w, host, register) {
    if (parseIp(host)) {
        const name = register?.hostOfIp(host);
        return w.hosts.matchesIp(host) || (name !== undefined && w.hosts.matches(name, [host]));
    }
    return w.hosts.matches(host, register?.ipsOf(host) ?? []);
}
/** the window (if any) in force on `host` at `time` */
export function windowAt(windows, host, time, register) {
    return windows.find((w) => time >= w.entry.startMs && time <= w.entry.endMs && windowCovers(w, host, register));
}
/**
 * The hosts a finding is about: its host and host entities; failing those (network findings name
 * addresses only), its internal addresses: an address on a window's host or subnet is that host.
 * External addresses never count (the other end of a beacon is not "on" a window host).
 */
function hostsOfFinding(f, register) {
    const out = [];
    if (f.host)
        out.push(f.host);
    for (const e of f.entities)
        if (e.type === 'host' && !out.includes(e.value))
            out.push(e.value);
    if (out.length === 0)
        for (const e of f.entities)
            if (e.type === 'ip' && (isPrivateIp(e.value) || register?.hostOfIp(e.value)) && !out.includes(e.value))
                out.push(e.value);
    return out;
}
/**
 * Escalates findings inside a window on its hosts one level (critical stays critical) and tags
 * them with the window. The sweep's own findings and findings already tagged are left alone.
 * Returns a new array; findings that change are copied, not mutated.
 */
export function escalateInWindows(findings, windows, register) {
    if (windows.length === 0)
        return [...findings];
    return findings.map((f) => {
        if (f.window || f.detector === 'change-window')
            return f;
        for (const h of hostsOfFinding(f, register)) {
            const w = windowAt(windows, h, f.time, register);
            if (!w)
                continue;
            const i = SEVERITIES.indexOf(f.severity);
            const severity = SEVERITIES[Math.min(SEVERITIES.length - 1, i + 1)];
            return {
                ...f,
                severity,
                window: w.entry.id,
                details: {
                    ...f.details,
                    escalated_from: f.severity,
                    window: windowDetails(w.entry),
                },
            };
        }
        return f;
    });
}
function windowDetails(w) {
    return {
        id: w.id,
        start: iso(w.startMs),
        end: iso(w.endMs),
        ...(w.relaxed ? { relaxed: w.relaxed } : {}),
        ...(w.approved_by ? { approved_by: w.approved_by } : {}),
        ...(w.ticket ? { ticket: w.ticket } : {}),
    };
}
const TASK_CHANNEL = 'microsoft-windows-taskscheduler/operational';
const FIREWALL_CHANNEL = 'microsoft-windows-windows firewall with advanced security/firewall';
const DEFENDER_CHANNEL = 'microsoft-windows-windows defender/operational';
/** autostart locations (ATT&CK T1547.001 and the Sysinternals Autoruns registry set, abridged) */
const AUTORUN_KEY = /\\(currentversion\\(run|runonce|runonceex|runservices|runservicesonce|policies\\explorer\\run|windows\\(load|run))|currentversion\\winlogon\\(shell|userinit|notify|taskman)|currentversion\\image file execution options\\[^\\]+\\debugger|microsoft\\active setup\\installed components|currentversion\\windows\\appinit_dlls|control\\session manager\\(bootexecute|known dlls)|currentcontrolset\\services\\[^\\]+\\(imagepath|servicedll)|explorer\\shell folders\\startup|silentprocessexit)/i;
/** directory and name services every host talks to: DNS, Kerberos, NTP, LDAP(S), kpasswd, GC */
const INFRASTRUCTURE_PORTS = new Set([53, 88, 123, 389, 464, 636, 3268, 3269]);
const EXECUTABLE = /\.(exe|dll|sys|scr|com|cpl|ocx|ps1|psm1|bat|cmd|vbs|vbe|js|jse|wsf|hta|msi|lnk)$/i;
const KIND_RULE = {
    service: {
        rule: 'change-window-new-service',
        title: 'service installed during the window remains',
        severity: 'high',
        attack: ['T1543.003'],
    },
    task: {
        rule: 'change-window-new-task',
        title: 'scheduled task created during the window remains',
        severity: 'high',
        attack: ['T1053.005'],
    },
    autorun: {
        rule: 'change-window-autorun',
        title: 'autostart registry value set during the window remains',
        severity: 'high',
        attack: ['T1547.001'],
    },
    executable: {
        rule: 'change-window-executable',
        title: 'executable written during the window remains',
        severity: 'medium',
        attack: ['T1105'],
    },
    'firewall-rule': {
        rule: 'change-window-firewall-rule',
        title: 'firewall rule added during the window remains',
        severity: 'medium',
        attack: ['T1562.004'],
    },
};
export class ChangeWindowSweep {
    name = 'change-window';
    windows;
    register;
    artefacts = [];
    removals = [];
    flows = new Map();
    listeners = new Map();
    controls = [];
    covered = new Map();
    /** earliest traffic seen per window host: what "first seen" is measured against */
    earliest = new Map();
    constructor(opts) {
        this.windows = compileWindows(opts.windows);
        this.register = opts.register;
    }
    /** the window-host name for a host name or address, or undefined; cached (flows repeat addresses) */
    coveredHost(host) {
        if (!host)
            return undefined;
        const hit = this.covered.get(host);
        if (hit !== undefined)
            return hit ?? undefined;
        const h = parseIp(host) ? (this.register?.hostOfIp(host) ?? host) : shortHost(host);
        const out = this.windows.some((w) => windowCovers(w, h, this.register) || windowCovers(w, host, this.register))
            ? h
            : null;
        if (this.covered.size > 100_000)
            this.covered.clear();
        this.covered.set(host, out);
        return out ?? undefined;
    }
    wants(e) {
        if (this.windows.length === 0)
            return false;
        if (isZeekConn(e))
            return !!(this.coveredHost(str(e, 'id.orig_h')) || this.coveredHost(str(e, 'id.resp_h')));
        const id = eventId(e);
        if (id === undefined)
            return false;
        const c = channel(e);
        let relevant = false;
        if (isSysmon(e))
            relevant = [3, 11, 12, 13, 23, 26].includes(id);
        else if (c === 'system')
            relevant = id === 7045;
        else if (c === TASK_CHANNEL)
            relevant = id === 106 || id === 141;
        else if (c === FIREWALL_CHANNEL)
            relevant = id === 2004 || id === 2006;
        else if (c === DEFENDER_CHANNEL)
            relevant = id === 5000 || id === 5001;
        else if (isSecurity(e))
            relevant = [4697, 4698, 4699, 4946, 4948, 5024, 5025].includes(id);
        return relevant && !!this.coveredHost(eventHost(e));
    }
    feed(events) {
        for (const e of events) {
            if (isZeekConn(e)) {
                this.feedConn(e);
                continue;
            }
            const host = this.coveredHost(eventHost(e));
            if (!host)
                continue;
            const id = eventId(e);
            const c = channel(e);
            const art = (kind, key, label, details) => this.artefacts.push({
                kind,
                key: key.toLowerCase(),
                host,
                created: e.time,
                label,
                details,
                ref: e.source,
            });
            const rem = (kind, key) => this.removals.push({ kind, key: key.toLowerCase(), host, time: e.time });
            if (isSysmon(e)) {
                if (id === 3) {
                    if (String(e.fields.Initiated ?? 'true').toLowerCase() === 'false')
                        continue;
                    const dst = str(e, 'DestinationIp');
                    const port = num(e, 'DestinationPort');
                    const peer = dst?.replace(/^::ffff:/i, '');
                    if (peer &&
                        port !== undefined &&
                        !(INFRASTRUCTURE_PORTS.has(port) && (isPrivateIp(peer) || this.register?.hostOfIp(peer))))
                        this.flow(this.flows, host, peer, port, e, str(e, 'Image'));
                }
                else if (id === 11) {
                    const file = str(e, 'TargetFilename');
                    if (file && EXECUTABLE.test(file))
                        art('executable', file, file, { file, image: str(e, 'Image'), user: str(e, 'User') });
                }
                else if (id === 23 || id === 26) {
                    const file = str(e, 'TargetFilename');
                    if (file)
                        rem('executable', file);
                }
                else if (id === 13) {
                    const key = str(e, 'TargetObject');
                    const type = (str(e, 'EventType') ?? 'SetValue').toLowerCase();
                    if (key && type === 'setvalue' && AUTORUN_KEY.test(key))
                        art('autorun', key, key, { key, value: str(e, 'Details'), image: str(e, 'Image') });
                }
                else if (id === 12) {
                    const key = str(e, 'TargetObject');
                    const type = (str(e, 'EventType') ?? '').toLowerCase();
                    if (!key)
                        continue;
                    if (type === 'deletevalue')
                        rem('autorun', key);
                    else if (type === 'deletekey') {
                        rem('autorun', key);
                        const svc = /\\currentcontrolset\\services\\([^\\]+)$/i.exec(key);
                        if (svc)
                            rem('service', svc[1]);
                    }
                }
            }
            else if (c === 'system' && id === 7045) {
                const name = str(e, 'ServiceName');
                if (name)
                    art('service', name, name, {
                        service: name,
                        image: str(e, 'ImagePath'),
                        account: str(e, 'AccountName'),
                        start: str(e, 'StartType'),
                    });
            }
            else if (id === 4697 && isSecurity(e)) {
                const name = str(e, 'ServiceName');
                if (name)
                    art('service', name, name, {
                        service: name,
                        image: str(e, 'ServiceFileName'),
                        account: str(e, 'ServiceAccount'),
                        by: str(e, 'SubjectUserName'),
                    });
            }
            else if ((id === 4698 && isSecurity(e)) || (id === 106 && c === TASK_CHANNEL)) {
                const name = str(e, 'TaskName');
                if (!name)
                    continue;
                const action = /<Command>([^<]*)<\/Command>/i.exec(str(e, 'TaskContent') ?? '')?.[1];
                art('task', name, name, {
                    task: name,
                    ...(action ? { command: action } : {}),
                    by: str(e, 'SubjectUserName') ?? str(e, 'UserContext') ?? str(e, 'UserName'),
                });
            }
            else if ((id === 4699 && isSecurity(e)) || (id === 141 && c === TASK_CHANNEL)) {
                const name = str(e, 'TaskName');
                if (name)
                    rem('task', name);
            }
            else if ((id === 4946 && isSecurity(e)) || (id === 2004 && c === FIREWALL_CHANNEL)) {
                const ruleId = str(e, 'RuleId') ?? str(e, 'RuleName');
                if (ruleId)
                    art('firewall-rule', ruleId, str(e, 'RuleName') ?? ruleId, {
                        rule_id: ruleId,
                        rule_name: str(e, 'RuleName'),
                        ...(str(e, 'ApplicationPath') ? { application: str(e, 'ApplicationPath') } : {}),
                        ...(str(e, 'LocalPorts') ? { local_ports: str(e, 'LocalPorts') } : {}),
                        ...(num(e, 'Direction') !== undefined
                            ? { direction: num(e, 'Direction') === 1 ? 'inbound' : 'outbound' }
                            : {}),
                        ...(num(e, 'Action') !== undefined
                            ? {
                                action: num(e, 'Action') === 3 ? 'allow' : num(e, 'Action') === 2 ? 'block' : num(e, 'Action'),
                            }
                            : {}),
                    });
            }
            else if ((id === 4948 && isSecurity(e)) || (id === 2006 && c === FIREWALL_CHANNEL)) {
                const ruleId = str(e, 'RuleId') ?? str(e, 'RuleName');
                if (ruleId)
                    rem('firewall-rule', ruleId);
            }
            else if (c === DEFENDER_CHANNEL && (id === 5000 || id === 5001)) {
                this.controls.push({
                    kind: 'defender-realtime',
                    host,
                    time: e.time,
                    off: id === 5001,
                    ref: e.source,
                });
            }
            else if (isSecurity(e) && (id === 5024 || id === 5025)) {
                this.controls.push({ kind: 'firewall-service', host, time: e.time, off: id === 5025, ref: e.source });
            }
        }
    }
    feedConn(e) {
        const orig = str(e, 'id.orig_h');
        const resp = str(e, 'id.resp_h');
        const port = num(e, 'id.resp_p');
        if (!orig || !resp || port === undefined)
            return;
        const from = this.coveredHost(orig);
        const to = this.coveredHost(resp);
        const state = str(e, 'conn_state');
        if (from) {
            this.earliest.set(from, Math.min(this.earliest.get(from) ?? Infinity, e.time));
            // name resolution, Kerberos, LDAP and time toward internal servers are not new destinations
            if (!(INFRASTRUCTURE_PORTS.has(port) && (isPrivateIp(resp) || this.register?.hostOfIp(resp))))
                this.flow(this.flows, from, resp, port, e);
        }
        // a listener answers: the handshake completed (Zeek conn_state other than S0/REJ/...)
        if (to && (!state || !['S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH'].includes(state))) {
            this.earliest.set(to, Math.min(this.earliest.get(to) ?? Infinity, e.time));
            this.flow(this.listeners, to, '', port, e);
        }
    }
    flow(map, host, peer, port, e, image) {
        if (map === this.flows)
            this.earliest.set(host, Math.min(this.earliest.get(host) ?? Infinity, e.time));
        const k = `${host}\0${peer}\0${port}`;
        let f = map.get(k);
        if (!f) {
            f = { host, peer, port, first: e.time, last: e.time, count: 0, refs: [], image };
            map.set(k, f);
        }
        f.count++;
        if (e.time < f.first)
            f.first = e.time;
        if (e.time > f.last)
            f.last = e.time;
        keepEarliest(f.refs, e.time, e.source);
    }
    finish() {
        const out = [];
        const removed = new Map();
        for (const r of this.removals) {
            const k = `${r.kind}\0${r.host}\0${r.key}`;
            const l = removed.get(k) ?? [];
            l.push(r.time);
            removed.set(k, l);
        }
        /** when the artefact was removed after its creation, if ever */
        const removedAt = (a) => (removed.get(`${a.kind}\0${a.host}\0${a.key}`) ?? [])
            .filter((t) => t >= a.created)
            .sort((x, y) => x - y)[0];
        for (const w of this.windows) {
            const { startMs, endMs, id } = w.entry;
            const inside = (host, t) => t >= startMs && t <= endMs && windowCovers(w, host, this.register);
            const seen = new Set();
            const leftRules = [];
            const artefacts = this.artefacts
                .filter((a) => inside(a.host, a.created))
                .sort((a, b) => a.created - b.created || a.key.localeCompare(b.key));
            for (const a of artefacts) {
                const k = `${a.kind}\0${a.host}\0${a.key}`;
                if (seen.has(k))
                    continue;
                seen.add(k);
                // the sweep runs at the window's end: what was removed by then is gone; what was removed
                // only later still outlived the window, and the later removal is shown
                const gone = removedAt(a);
                if (gone !== undefined && gone <= endMs)
                    continue;
                const spec = KIND_RULE[a.kind];
                const f = this.finding(w, spec.rule, `${spec.title}: ${a.label}`, spec.severity, spec.attack, a.created, a.host, [a.ref], {
                    kind: a.kind,
                    created: iso(a.created),
                    ...stripUndefined(a.details),
                    ...(gone !== undefined ? { removed_later: iso(gone) } : {}),
                });
                out.push(f);
                if (a.kind === 'firewall-rule')
                    leftRules.push(f);
            }
            // new outbound destinations and listeners: first seen inside, still seen after the end
            for (const [map, rule, what] of [
                [
                    this.flows,
                    'change-window-new-destination',
                    'new outbound destination first seen during the window still contacted after it',
                ],
                [
                    this.listeners,
                    'change-window-new-listener',
                    'new listening port first seen during the window still answering after it',
                ],
            ]) {
                const list = [...map.values()]
                    .filter((f) => inside(f.host, f.first) && f.last > endMs)
                    .sort((a, b) => a.first - b.first || a.peer.localeCompare(b.peer) || a.port - b.port);
                for (const f of list) {
                    const earliest = this.earliest.get(f.host) ?? f.first;
                    const baseline = earliest < startMs;
                    const external = f.peer !== '' && !isPrivateIp(f.peer) && !this.register?.hostOfIp(f.peer);
                    const severity = !baseline ? 'low' : external ? 'high' : 'medium';
                    const label = f.peer ? `${f.peer}:${f.port}` : `port ${f.port}`;
                    const entities = f.peer ? [{ type: 'ip', value: f.peer }] : [];
                    out.push(this.finding(w, rule, `${what}: ${label}`, severity, rule === 'change-window-new-destination' ? ['T1071'] : [], f.first, f.host, [...f.refs].sort((a, b) => a.t - b.t || compareRefs(a.ref, b.ref)).map((r) => r.ref), {
                        ...(f.peer ? { destination: f.peer, port: f.port } : { port: f.port }),
                        first_seen: iso(f.first),
                        last_seen: iso(f.last),
                        connections: f.count,
                        ...(f.image ? { image: f.image } : {}),
                        baseline_from: iso(earliest),
                        ...(baseline ? {} : { note: 'no traffic from this host before the window to compare with' }),
                    }, entities));
                }
            }
            // controls relaxed during the window and still relaxed after it
            const unrestored = [];
            const refs = [];
            const hosts = new Set();
            for (const f of leftRules) {
                const later = f.details?.removed_later;
                unrestored.push(`firewall rule ${String(f.details?.rule_name ?? f.details?.rule_id)} on ${f.host} (added ${f.details?.created}) ${later ? `deleted only at ${later}` : 'never deleted'}`);
                refs.push(...f.evidence);
                if (f.host)
                    hosts.add(f.host);
            }
            for (const kind of ['defender-realtime', 'firewall-service']) {
                const byHost = new Map();
                for (const c of this.controls)
                    if (c.kind === kind)
                        byHost.set(c.host, [...(byHost.get(c.host) ?? []), c]);
                for (const [host, list] of [...byHost].sort()) {
                    list.sort((a, b) => a.time - b.time);
                    const offInside = list.find((c) => c.off && inside(host, c.time));
                    if (!offInside)
                        continue;
                    const back = list.find((c) => !c.off && c.time > offInside.time);
                    if (back && back.time <= endMs)
                        continue;
                    unrestored.push(`${kind === 'defender-realtime' ? 'Defender real-time protection' : 'Windows Firewall service'} on ${host} turned off at ${iso(offInside.time)}${back ? `, back on only at ${iso(back.time)}` : ', never turned back on'}`);
                    refs.push(offInside.ref);
                    hosts.add(host);
                }
            }
            if (unrestored.length > 0) {
                const attack = new Set();
                if (leftRules.length > 0 || unrestored.some((u) => u.includes('Firewall')))
                    attack.add('T1562.004');
                if (unrestored.some((u) => u.includes('Defender')))
                    attack.add('T1562.001');
                const f = this.finding(w, 'change-window-not-restored', `relaxed controls not restored after window ${id}`, 'high', [...attack].sort(), endMs, undefined, refs.slice(0, 20), {
                    unrestored,
                });
                f.entities.push(...[...hosts].sort().map((h) => ({ type: 'host', value: h })));
                out.push(f);
            }
        }
        return out.sort((a, b) => a.time - b.time || a.rule.id.localeCompare(b.rule.id) || a.id.localeCompare(b.id));
    }
    finding(w, rule, title, severity, attack, time, host, evidence, details, extra = []) {
        const entities = host ? [{ type: 'host', value: host }, ...extra] : [...extra];
        const f = {
            id: `change-window-${fnv(`${rule}|${w.entry.id}|${host ?? ''}|${title}|${time}`)}`,
            time,
            severity,
            detector: 'change-window',
            rule: { id: rule, title: `${w.entry.id}: ${title}` },
            attack,
            entities,
            evidence: [...evidence],
            window: w.entry.id,
            details: { window: windowDetails(w.entry), ...details },
        };
        if (host)
            f.host = host;
        return f;
    }
}
/** keeps the MAX_EVIDENCE earliest references (ties by source), so evidence does not depend on input order */
function keepEarliest(refs, t, ref) {
    if (refs.length < MAX_EVIDENCE) {
        refs.push({ t, ref });
        return;
    }
    let worst = 0;
    for (let i = 1; i < refs.length; i++)
        if (refs[i].t > refs[worst].t ||
            (refs[i].t === refs[worst].t && compareRefs(refs[i].ref, refs[worst].ref) > 0))
            worst = i;
    if (t < refs[worst].t || (t === refs[worst].t && compareRefs(ref, refs[worst].ref) < 0))
        refs[worst] = { t, ref };
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=change-windows.js.map