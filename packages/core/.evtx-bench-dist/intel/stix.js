/**
 * Indicators from STIX 2.1 bundles (STIX 2.1 §4.7 Indicator, §9 Patterning) and back.
 *
 * Each indicator's pattern becomes one or more matchable atoms (one observable value each). Actor
 * links come from the bundle's relationships: indicator `indicates` intrusion-set / threat-actor /
 * campaign / malware, campaign `attributed-to` intrusion-set, intrusion-set `uses` malware.
 * An intrusion-set carrying a `mitre-attack` external id is linked by that id (G0138), others by name.
 */
import { createHash } from 'node:crypto';
import { HaechiError } from '../errors.js';
import { classifyValue, parseTlp, } from './indicator.js';
import { PatternError, parseStixPattern, toDnf } from './stix-pattern.js';
/** Predefined TLP marking-definition ids: TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (FIRST extension). */
export const TLP_MARKINGS = {
    'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
    'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
    'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
    'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
    'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'clear',
    'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'green',
    'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'amber',
    'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'amber+strict',
    'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'red',
};
const TLP_ID_OF = {
    clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
    amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
/** Maps a comparison to the indicator type it matches; a reason string when haechi cannot match it. */
function atomOf(c) {
    const path = `${c.object}:${c.path}`;
    if (c.negated)
        return `negated comparison on ${path} cannot identify an observable`;
    const values = Array.isArray(c.value) ? c.value : [String(c.value)];
    let forced;
    const hashPath = /^hashes\.(.+)$/i.exec(c.path);
    if (c.object === 'file' && hashPath) {
        const alg = hashPath[1].toUpperCase().replace(/-/g, '');
        const t = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' }[alg];
        if (!t)
            return `hash algorithm ${hashPath[1]} is not supported`;
        forced = t;
    }
    else if (c.object === 'file' && c.path === 'name')
        forced = 'filename';
    else if (c.object === 'ipv4-addr' && c.path === 'value')
        forced = c.op === 'ISSUBSET' ? 'cidr4' : undefined;
    else if (c.object === 'ipv6-addr' && c.path === 'value')
        forced = c.op === 'ISSUBSET' ? 'cidr6' : undefined;
    else if (c.object === 'domain-name' && c.path === 'value')
        forced = 'domain';
    else if (c.object === 'url' && c.path === 'value')
        forced = 'url';
    else if (c.object === 'email-addr' && c.path === 'value')
        forced = 'email';
    else if (c.object === 'email-message' &&
        /^(from_ref|sender_ref|to_refs\[[*\d]+\]|cc_refs\[[*\d]+\])\.value$/.test(c.path))
        forced = 'email';
    else if (c.object === 'network-traffic' && /^(src_ref|dst_ref)\.value$/.test(c.path))
        forced = undefined;
    else
        return `object path ${path} is not matched by haechi`;
    if (c.op !== '=' &&
        c.op !== 'IN' &&
        !(c.op === 'ISSUBSET' && (c.object === 'ipv4-addr' || c.object === 'ipv6-addr'))) {
        return `operator ${c.op} on ${path} is not supported (only =, IN, and ISSUBSET on addresses)`;
    }
    const isIpObject = c.object === 'ipv4-addr' || c.object === 'ipv6-addr' || c.object === 'network-traffic';
    const out = [];
    let type;
    for (const v of values) {
        const cl = classifyValue(v, forced);
        if (!cl)
            return `value ${JSON.stringify(v)} is not a valid ${forced ?? c.object} for ${path}`;
        if (isIpObject && !['ipv4', 'ipv6', 'cidr4', 'cidr6', 'domain'].includes(cl.type)) {
            return `value ${JSON.stringify(v)} is not an address for ${path}`;
        }
        if (type !== undefined && type !== cl.type)
            return `IN list on ${path} mixes kinds of values`;
        type = cl.type;
        out.push(cl.value);
    }
    if (!type)
        return `empty value list on ${path}`;
    return { type, values: out };
}
function hashId(prefix, ...parts) {
    const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
    // UUIDv5-shaped (RFC 9562 §5.5): version and variant bits set
    const v = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    return `${prefix}--${v}`;
}
/** Parses a STIX 2.1 bundle's text and returns its indicators and the problems found. */
export function importStixBundle(text, opts = {}) {
    const file = opts.file ?? '(stix)';
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new HaechiError('input', `STIX bundle is not valid JSON: ${err.message}`, {
            file,
            cause: err,
        });
    }
    return importStixObject(parsed, opts);
}
export function importStixObject(parsed, opts = {}) {
    const file = opts.file ?? '(stix)';
    const b = parsed;
    if (!b || typeof b !== 'object' || Array.isArray(b)) {
        throw new HaechiError('input', 'STIX bundle must be a JSON object', { file });
    }
    if (b.type !== 'bundle') {
        throw new HaechiError('input', `STIX bundle has type ${JSON.stringify(b.type)}, expected "bundle"`, {
            file,
            field: 'type',
        });
    }
    if (b.objects !== undefined && !Array.isArray(b.objects)) {
        throw new HaechiError('input', 'STIX bundle "objects" must be an array', { file, field: 'objects' });
    }
    const objects = (b.objects ?? []);
    const problems = [];
    const byId = new Map();
    objects.forEach((o, i) => {
        if (!o || typeof o !== 'object' || typeof o.type !== 'string' || typeof o.id !== 'string') {
            problems.push({ file, line: i + 1, message: 'object without "type" and "id" skipped' });
            return;
        }
        byId.set(o.id, o);
    });
    // TLP from marking definitions in the bundle, on top of the predefined ids
    const tlpOf = new Map(Object.entries(TLP_MARKINGS));
    for (const o of byId.values()) {
        if (o.type !== 'marking-definition' || !o.id)
            continue;
        const t = parseTlp(o.definition_type === 'tlp' ? o.definition?.tlp : undefined) ??
            parseTlp(Object.values(o.extensions ?? {}).find((e) => e?.tlp_2_0)?.tlp_2_0) ??
            parseTlp(o.name?.startsWith('TLP:') ? o.name : undefined);
        if (t)
            tlpOf.set(o.id, t);
    }
    const actorName = (o) => {
        const ext = o.external_references?.find((r) => r.source_name === 'mitre-attack' && r.external_id)?.external_id;
        return ext ?? o.name ?? o.id;
    };
    // actors behind a campaign or a malware, from the bundle's own relationships
    const attributed = new Map();
    const link = (from, actor) => {
        let s = attributed.get(from);
        if (!s)
            attributed.set(from, (s = new Set()));
        s.add(actor);
    };
    const rels = [...byId.values()].filter((o) => o.type === 'relationship' && o.source_ref && o.target_ref);
    for (const r of rels) {
        const src = byId.get(r.source_ref);
        const dst = byId.get(r.target_ref);
        if (!src || !dst)
            continue;
        const isActor = (o) => o.type === 'intrusion-set' || o.type === 'threat-actor';
        if (r.relationship_type === 'attributed-to' && isActor(dst))
            link(src.id, actorName(dst));
        if (r.relationship_type === 'uses' && isActor(src) && dst.type === 'malware')
            link(dst.id, actorName(src));
    }
    const indActors = new Map();
    const indMalware = new Map();
    for (const r of rels) {
        if (r.relationship_type !== 'indicates')
            continue;
        const ind = r.source_ref;
        const dst = byId.get(r.target_ref);
        if (!dst) {
            problems.push({
                file,
                object: r.id,
                message: `relationship target ${r.target_ref} is not in the bundle`,
            });
            continue;
        }
        let s = indActors.get(ind);
        if (!s)
            indActors.set(ind, (s = new Set()));
        if (dst.type === 'intrusion-set' || dst.type === 'threat-actor')
            s.add(actorName(dst));
        for (const a of attributed.get(dst.id) ?? [])
            s.add(a);
        if (dst.type === 'malware' && dst.name) {
            let m = indMalware.get(ind);
            if (!m)
                indMalware.set(ind, (m = new Set()));
            m.add(dst.name);
        }
    }
    const indicators = [];
    objects.forEach((o, idx) => {
        if (o?.type !== 'indicator' || !o.id)
            return;
        const where = { file, line: idx + 1, object: o.id };
        if (o.revoked)
            return;
        if (o.pattern_type !== undefined && o.pattern_type !== 'stix') {
            problems.push({ ...where, message: `pattern_type ${o.pattern_type} is not supported (only stix)` });
            return;
        }
        if (typeof o.pattern !== 'string' || !o.pattern.trim()) {
            problems.push({ ...where, message: 'indicator without a pattern' });
            return;
        }
        let validFrom;
        let validUntil;
        if (o.valid_from !== undefined) {
            validFrom = Date.parse(o.valid_from);
            if (!Number.isFinite(validFrom)) {
                problems.push({
                    ...where,
                    message: `valid_from is not a timestamp: ${JSON.stringify(o.valid_from)}`,
                });
                return;
            }
        }
        if (o.valid_until !== undefined) {
            validUntil = Date.parse(o.valid_until);
            if (!Number.isFinite(validUntil)) {
                problems.push({
                    ...where,
                    message: `valid_until is not a timestamp: ${JSON.stringify(o.valid_until)}`,
                });
                return;
            }
        }
        let parsedPattern;
        try {
            parsedPattern = parseStixPattern(o.pattern);
        }
        catch (err) {
            const msg = err instanceof PatternError ? err.message : String(err);
            problems.push({ ...where, message: `malformed pattern ${JSON.stringify(o.pattern)}: ${msg}` });
            return;
        }
        for (const q of parsedPattern.ignored) {
            problems.push({ ...where, message: `pattern qualifier/operator not enforced: ${q}` });
        }
        const dnf = toDnf(parsedPattern.expr);
        if (!dnf) {
            problems.push({ ...where, message: 'pattern has too many alternatives to expand' });
            return;
        }
        const base = {
            source: opts.source ?? (o.created_by_ref && byId.get(o.created_by_ref)?.name) ?? file,
            name: o.name,
            confidence: typeof o.confidence === 'number' ? o.confidence : undefined,
            validFrom,
            validUntil,
            tlp: (o.object_marking_refs ?? []).map((m) => tlpOf.get(m)).find((t) => t !== undefined),
            actors: [...(indActors.get(o.id) ?? [])].sort(),
            malware: [...(indMalware.get(o.id) ?? [])].sort(),
            pattern: o.pattern,
        };
        let produced = 0;
        dnf.forEach((alt, altIdx) => {
            const atoms = [];
            for (const c of alt) {
                const a = atomOf(c);
                if (typeof a === 'string') {
                    problems.push({ ...where, message: `unsupported comparison: ${a}` });
                    return;
                }
                atoms.push(a);
            }
            // Hashes of one file object each identify the file alone: an AND over them is satisfied by
            // any one in practice, so they are separate atoms; other ANDs need every part to match.
            const allHashes = atoms.every((a) => ['md5', 'sha1', 'sha256', 'sha512'].includes(a.type));
            const partOf = atoms.length > 1 && !allHashes ? { group: `${o.id}#${altIdx}`, of: atoms.length } : undefined;
            for (const a of atoms) {
                for (const v of a.values) {
                    const ind = { id: o.id, type: a.type, value: v, ...base };
                    if (!ind.malware?.length)
                        delete ind.malware;
                    if (partOf)
                        ind.partOf = partOf;
                    for (const k of Object.keys(ind))
                        if (ind[k] === undefined)
                            delete ind[k];
                    indicators.push(ind);
                    produced++;
                }
            }
        });
        if (produced === 0 && !problems.some((p) => p.object === o.id)) {
            problems.push({ ...where, message: 'pattern yields nothing haechi can match' });
        }
    });
    return { indicators, problems };
}
const PATTERN_OF = {
    ipv4: (v) => `[ipv4-addr:value = '${v}']`,
    ipv6: (v) => `[ipv6-addr:value = '${v}']`,
    cidr4: (v) => `[ipv4-addr:value ISSUBSET '${v}']`,
    cidr6: (v) => `[ipv6-addr:value ISSUBSET '${v}']`,
    domain: (v) => `[domain-name:value = '${v}']`,
    url: (v) => `[url:value = '${v}']`,
    md5: (v) => `[file:hashes.MD5 = '${v}']`,
    sha1: (v) => `[file:hashes.'SHA-1' = '${v}']`,
    sha256: (v) => `[file:hashes.'SHA-256' = '${v}']`,
    sha512: (v) => `[file:hashes.'SHA-512' = '${v}']`,
    email: (v) => `[email-addr:value = '${v}']`,
    filename: (v) => `[file:name = '${v}']`,
};
const esc = (v) => v.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
/** A STIX 2.1 bundle of these indicators (one indicator object per atom), with `indicates` links. */
export function indicatorsToStixBundle(indicators, opts = {}) {
    const created = opts.created ?? new Date().toISOString();
    const producer = opts.producer ?? 'haechi';
    const identityId = hashId('identity', producer);
    const objects = [
        {
            type: 'identity',
            spec_version: '2.1',
            id: identityId,
            created,
            modified: created,
            name: producer,
            identity_class: 'organization',
            ...(opts.note ? { description: opts.note } : {}),
        },
    ];
    const actorIds = new Map();
    const actorsUsed = [...new Set(indicators.flatMap((i) => i.actors))].sort();
    for (const a of actorsUsed) {
        const meta = opts.actorNames?.[a];
        const id = hashId('intrusion-set', a);
        actorIds.set(a, id);
        const attackId = meta?.attackId ?? (/^G\d{4}$/.test(a) ? a : undefined);
        objects.push({
            type: 'intrusion-set',
            spec_version: '2.1',
            id,
            created,
            modified: created,
            created_by_ref: identityId,
            name: meta?.name ?? a,
            ...(meta?.aliases?.length ? { aliases: meta.aliases } : {}),
            ...(attackId
                ? {
                    external_references: [
                        {
                            source_name: 'mitre-attack',
                            external_id: attackId,
                            url: `https://attack.mitre.org/groups/${attackId}`,
                        },
                    ],
                }
                : {}),
        });
    }
    const usedTlps = new Set();
    for (const ind of indicators) {
        const pattern = ind.pattern && ind.partOf === undefined && indicators.filter((x) => x.id === ind.id).length === 1
            ? ind.pattern
            : PATTERN_OF[ind.type](esc(ind.value));
        const id = ind.id.startsWith('indicator--') && indicators.filter((x) => x.id === ind.id).length === 1
            ? ind.id
            : hashId('indicator', ind.id, ind.type, ind.value);
        if (ind.tlp)
            usedTlps.add(ind.tlp);
        objects.push({
            type: 'indicator',
            spec_version: '2.1',
            id,
            created,
            modified: created,
            created_by_ref: identityId,
            name: ind.name ?? `${ind.type} ${ind.value}`,
            ...(opts.note ? { description: opts.note } : {}),
            indicator_types: ['malicious-activity'],
            pattern,
            pattern_type: 'stix',
            valid_from: new Date(ind.validFrom ?? Date.parse(created)).toISOString(),
            ...(ind.validUntil !== undefined ? { valid_until: new Date(ind.validUntil).toISOString() } : {}),
            ...(ind.confidence !== undefined ? { confidence: ind.confidence } : {}),
            ...(ind.tlp ? { object_marking_refs: [TLP_ID_OF[ind.tlp]] } : {}),
        });
        for (const a of ind.actors) {
            objects.push({
                type: 'relationship',
                spec_version: '2.1',
                id: hashId('relationship', id, 'indicates', a),
                created,
                modified: created,
                created_by_ref: identityId,
                relationship_type: 'indicates',
                source_ref: id,
                target_ref: actorIds.get(a),
            });
        }
    }
    for (const t of [...usedTlps].sort()) {
        // TLP 2.0 marking-definition objects as FIRST publishes them, so the bundle is self-describing
        objects.push({
            type: 'marking-definition',
            spec_version: '2.1',
            id: TLP_ID_OF[t],
            created: '2022-10-01T00:00:00.000Z',
            name: `TLP:${t.toUpperCase()}`,
            extensions: {
                'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
                    extension_type: 'property-extension',
                    tlp_2_0: t,
                },
            },
        });
    }
    return { type: 'bundle', id: hashId('bundle', producer, created, String(indicators.length)), objects };
}
//# sourceMappingURL=stix.js.map