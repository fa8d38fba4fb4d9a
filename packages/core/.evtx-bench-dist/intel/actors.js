export function actorResolver(index, profiles) {
    const byName = new Map();
    for (const p of profiles) {
        const ref = { id: p.attack_id ?? p.id, name: p.name };
        for (const n of [p.id, p.name, p.attack_id, ...p.aliases.map((a) => a.value)]) {
            if (n && !byName.has(n.toLowerCase()))
                byName.set(n.toLowerCase(), ref);
        }
    }
    return (s) => {
        const key = s.trim().toLowerCase();
        if (index) {
            const id = index.resolve(s);
            if (id?.startsWith('G'))
                return { id, name: index.nameOf(id) };
            if (id?.startsWith('C')) {
                const gs = index.campaignGroups(id);
                if (gs.length === 1)
                    return { id: gs[0], name: index.nameOf(gs[0]) };
            }
        }
        return byName.get(key);
    };
}
//# sourceMappingURL=actors.js.map