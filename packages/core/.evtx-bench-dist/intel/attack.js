/**
 * MITRE ATT&CK knowledge from its STIX 2.1 bundle (https://github.com/mitre-attack/attack-stix-data).
 *
 * The bundle is ~40 MB of JSON; what attribution and reports need is much smaller: active
 * techniques, tactics, groups with aliases, software, campaigns, and the `uses`, `attributed-to`
 * and `subtechnique-of` relationships with the names of the reports that support them. That
 * compact form is `AttackKnowledge`; it serialises to a JSON cache (`saveKnowledge`) that loads in
 * a fraction of the time.
 *
 * "Active" follows the ATT&CK data model: objects with `revoked: true` or
 * `x_mitre_deprecated: true` are dropped, and so are relationships that touch them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { HaechiError } from '../errors.js';
export const KNOWLEDGE_FORMAT = 'haechi-attack-knowledge/1';
function attackId(o) {
    for (const r of o.external_references ?? []) {
        if (r.source_name === 'mitre-attack' && r.external_id)
            return r.external_id;
    }
    return undefined;
}
const active = (o) => o.revoked !== true && o.x_mitre_deprecated !== true;
function firstSentence(s) {
    if (!s)
        return undefined;
    const plain = s.replace(/\(Citation:[^)]*\)/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
    const m = /^(.{20,400}?[.!?])(\s|$)/s.exec(plain);
    return (m ? m[1] : plain.slice(0, 400)).trim();
}
/** Builds the compact knowledge from a parsed STIX 2.1 bundle. */
export function attackFromBundle(bundle, origin = '(bundle)') {
    const b = bundle;
    if (!b || typeof b !== 'object' || b.type !== 'bundle' || !Array.isArray(b.objects)) {
        throw new HaechiError('input', 'not a STIX 2.1 bundle: expected {"type": "bundle", "objects": [...]}', {
            file: origin,
        });
    }
    const objects = b.objects;
    const idOf = new Map();
    const k = {
        format: KNOWLEDGE_FORMAT,
        origin,
        techniques: [],
        tactics: [],
        groups: [],
        software: [],
        campaigns: [],
        relations: [],
        references: {},
    };
    const seenTechniques = new Map();
    for (const o of objects) {
        if (!o || typeof o !== 'object')
            continue;
        if (o.type === 'x-mitre-collection' && o.x_mitre_version)
            k.version = o.x_mitre_version;
        if (!active(o) || !o.id)
            continue;
        const aid = attackId(o);
        switch (o.type) {
            case 'attack-pattern': {
                if (!aid)
                    break;
                const t = {
                    id: aid,
                    name: o.name ?? aid,
                    tactics: (o.kill_chain_phases ?? [])
                        .filter((p) => p.kill_chain_name === 'mitre-attack' && p.phase_name)
                        .map((p) => p.phase_name),
                };
                if (aid.includes('.'))
                    t.parent = aid.slice(0, aid.indexOf('.'));
                idOf.set(o.id, aid);
                seenTechniques.set(aid, t);
                break;
            }
            case 'x-mitre-tactic':
                if (aid)
                    k.tactics.push({ id: aid, name: o.name ?? aid, shortname: o.x_mitre_shortname ?? '' });
                break;
            case 'intrusion-set':
                if (!aid)
                    break;
                idOf.set(o.id, aid);
                k.groups.push({
                    id: aid,
                    name: o.name ?? aid,
                    aliases: uniq([...(o.aliases ?? [])].filter((a) => a !== o.name)),
                    description: firstSentence(o.description),
                });
                break;
            case 'malware':
            case 'tool':
                if (!aid)
                    break;
                idOf.set(o.id, aid);
                k.software.push({
                    id: aid,
                    name: o.name ?? aid,
                    kind: o.type,
                    aliases: uniq([...(o.x_mitre_aliases ?? [])].filter((a) => a !== o.name)),
                });
                break;
            case 'campaign':
                if (!aid)
                    break;
                idOf.set(o.id, aid);
                k.campaigns.push({
                    id: aid,
                    name: o.name ?? aid,
                    aliases: uniq([...(o.aliases ?? [])].filter((a) => a !== o.name)),
                    firstSeen: o.first_seen,
                    lastSeen: o.last_seen,
                });
                break;
        }
    }
    k.techniques = [...seenTechniques.values()];
    for (const o of objects) {
        if (o?.type !== 'relationship' || !active(o))
            continue;
        const rt = o.relationship_type;
        if (rt !== 'uses' && rt !== 'attributed-to')
            continue;
        const source = o.source_ref ? idOf.get(o.source_ref) : undefined;
        const target = o.target_ref ? idOf.get(o.target_ref) : undefined;
        if (!source || !target)
            continue;
        const citations = [];
        for (const r of o.external_references ?? []) {
            if (!r.source_name)
                continue;
            citations.push(r.source_name);
            if (r.url && !(r.source_name in k.references))
                k.references[r.source_name] = r.url;
        }
        k.relations.push({ type: rt, source, target, citations });
    }
    const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    k.techniques.sort(byId);
    k.tactics.sort(byId);
    k.groups.sort(byId);
    k.software.sort(byId);
    k.campaigns.sort(byId);
    return k;
}
function uniq(xs) {
    return [...new Set(xs)];
}
/**
 * Reads an ATT&CK STIX bundle or a haechi knowledge cache (what `saveKnowledge` wrote); the two are
 * told apart by the cache's `format` field.
 */
export async function loadAttack(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw new HaechiError('input', `cannot read ATT&CK data: ${err.message}`, {
            file: path,
            cause: err,
        });
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new HaechiError('input', `ATT&CK data is not valid JSON: ${err.message}`, {
            file: path,
            cause: err,
        });
    }
    if (parsed && typeof parsed === 'object' && parsed.format === KNOWLEDGE_FORMAT) {
        const k = parsed;
        if (!Array.isArray(k.groups) || !Array.isArray(k.relations) || !Array.isArray(k.techniques)) {
            throw new HaechiError('input', 'damaged knowledge cache: groups/relations/techniques missing', {
                file: path,
            });
        }
        return k;
    }
    return attackFromBundle(parsed, path);
}
export async function saveKnowledge(k, path) {
    await writeFile(path, JSON.stringify(k));
}
/** Lookups over the knowledge: by id, by name or alias (case-insensitive). */
export class AttackIndex {
    knowledge;
    techniques = new Map();
    groups = new Map();
    software = new Map();
    campaigns = new Map();
    names = new Map();
    constructor(knowledge) {
        this.knowledge = knowledge;
        for (const t of knowledge.techniques)
            this.techniques.set(t.id, t);
        for (const g of knowledge.groups)
            this.groups.set(g.id, g);
        for (const s of knowledge.software)
            this.software.set(s.id, s);
        for (const c of knowledge.campaigns)
            this.campaigns.set(c.id, c);
        // Names before aliases, groups before software, so that a software alias that equals a group
        // name (it happens: "Lazarus") does not shadow the group.
        for (const g of knowledge.groups)
            this.addName(g.name, g.id);
        for (const c of knowledge.campaigns)
            this.addName(c.name, c.id);
        for (const s of knowledge.software)
            this.addName(s.name, s.id);
        for (const g of knowledge.groups)
            for (const a of g.aliases)
                this.addName(a, g.id);
        for (const c of knowledge.campaigns)
            for (const a of c.aliases)
                this.addName(a, c.id);
        for (const s of knowledge.software)
            for (const a of s.aliases)
                this.addName(a, s.id);
    }
    addName(name, id) {
        const key = name.trim().toLowerCase();
        if (key && !this.names.has(key))
            this.names.set(key, id);
    }
    /** ATT&CK id for an id or a name/alias of a group, software or campaign. */
    resolve(nameOrId) {
        const s = nameOrId.trim();
        if (/^[GSCT]\d{4}(\.\d{3})?$/i.test(s)) {
            const id = s.toUpperCase();
            if (this.groups.has(id) || this.software.has(id) || this.campaigns.has(id) || this.techniques.has(id)) {
                return id;
            }
            return undefined;
        }
        return this.names.get(s.toLowerCase());
    }
    /** the groups a campaign is attributed to */
    campaignGroups(campaignId) {
        return this.knowledge.relations
            .filter((r) => r.type === 'attributed-to' && r.source === campaignId)
            .map((r) => r.target);
    }
    nameOf(id) {
        return (this.groups.get(id)?.name ??
            this.software.get(id)?.name ??
            this.techniques.get(id)?.name ??
            this.campaigns.get(id)?.name ??
            id);
    }
}
//# sourceMappingURL=attack.js.map