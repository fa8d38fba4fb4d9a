export function observationsOf(findings) {
    const techniques = new Set();
    const software = new Set();
    const actors = new Map();
    const times = [];
    for (const f of findings) {
        times.push(f.time);
        for (const a of f.attack) {
            const id = a.toUpperCase().replace(/^ATTACK\./, '');
            if (/^T\d{4}(\.\d{3})?$/.test(id))
                techniques.add(id);
            else if (/^S\d{4}$/.test(id))
                software.add(id);
        }
        const ind = f.details?.indicator;
        if (ind && Array.isArray(ind.malware))
            for (const m of ind.malware)
                if (typeof m === 'string')
                    software.add(m);
        const indKey = ind?.value;
        for (const a of f.actors ?? []) {
            // the same indicator seen many times (or in several fields) is one piece of evidence, not many
            const k = `${a.id}\u0000${typeof indKey === 'string' ? indKey : a.why}`;
            const prev = actors.get(k);
            if (!prev || prev.weight < a.weight)
                actors.set(k, a);
        }
    }
    // several distinct indicators for one actor add up, with diminishing returns
    const perActor = new Map();
    for (const a of actors.values()) {
        const l = perActor.get(a.id) ?? [];
        l.push(a);
        perActor.set(a.id, l);
    }
    const out = [];
    for (const l of perActor.values()) {
        l.sort((a, b) => b.weight - a.weight || (a.why < b.why ? -1 : 1));
        for (let i = 0; i < l.length; i++)
            out.push({ ...l[i], weight: Math.round((l[i].weight / (i + 1)) * 1000) / 1000 });
    }
    return {
        techniques: [...techniques].sort(),
        software: [...software].sort(),
        actors: out,
        times: times.sort((a, b) => a - b),
    };
}
export function attributeFindings(attributor, findings, opts = {}) {
    return attributor.assess(observationsOf(findings), opts);
}
//# sourceMappingURL=incident.js.map