/**
 * ATT&CK Navigator layers (layer format 4.5, https://github.com/mitre-attack/attack-navigator/blob/master/layers/LAYERFORMATv4_5.md):
 * the techniques a hunt found, and an incident set against its top attribution hypotheses.
 */
import { writeFile } from 'node:fs/promises';
function baseLayer(name, description, attackVersion) {
    return {
        name,
        versions: { ...(attackVersion ? { attack: attackVersion } : {}), navigator: '5.1.0', layer: '4.5' },
        domain: 'enterprise-attack',
        description,
        sorting: 3,
        layout: { layout: 'side', showID: true, showName: true },
        hideDisabled: false,
        techniques: [],
        gradient: { colors: ['#ffe766', '#ff6666'], minValue: 0, maxValue: 1 },
        legendItems: [],
        showTacticRowBackground: false,
        selectTechniquesAcrossTactics: true,
        selectSubtechniquesWithParent: false,
    };
}
const isTechnique = (t) => /^T\d{4}(\.\d{3})?$/.test(t);
/** A layer of the techniques in these findings; score = number of findings, comment = rule titles. */
export function huntLayer(findings, opts = {}) {
    const per = new Map();
    for (const f of findings) {
        for (const raw of f.attack) {
            const t = raw.toUpperCase().replace(/^ATTACK\./, '');
            if (!isTechnique(t))
                continue;
            let e = per.get(t);
            if (!e)
                per.set(t, (e = { n: 0, titles: new Set() }));
            e.n++;
            e.titles.add(f.rule.title);
        }
    }
    const layer = baseLayer(opts.name ?? 'haechi hunt', `Techniques seen in ${findings.length} findings`, opts.attackVersion);
    let max = 1;
    for (const [t, e] of [...per].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        max = Math.max(max, e.n);
        const titles = [...e.titles].sort();
        layer.techniques.push({
            techniqueID: t,
            score: e.n,
            comment: titles.slice(0, 10).join('; ') + (titles.length > 10 ? ` (+${titles.length - 10})` : ''),
            enabled: true,
            showSubtechniques: true,
        });
    }
    layer.gradient = { colors: ['#ffe766', '#ff6666'], minValue: 0, maxValue: max };
    return layer;
}
const COLORS = { observed: '#ff6666', both: '#8e44ad', actor: '#74b9ff' };
/**
 * An incident against its hypotheses: red = observed only, purple = observed and reported for the
 * hypothesis' actor, blue = reported for the actor, not observed. One layer per hypothesis.
 */
export function comparisonLayer(incidentId, observed, hypothesis, actorTechniques, opts = {}) {
    const obs = new Set(observed.filter(isTechnique));
    const act = new Set([...actorTechniques].filter(isTechnique));
    const who = `${hypothesis.name ?? hypothesis.actor} (${hypothesis.actor})`;
    const layer = baseLayer(`${incidentId} vs ${who}`, `Incident ${incidentId} compared with ${who}: score ${hypothesis.score}, confidence ${hypothesis.confidence}`, opts.attackVersion);
    for (const t of [...new Set([...obs, ...act])].sort()) {
        const o = obs.has(t);
        const a = act.has(t);
        const kind = o && a ? 'both' : o ? 'observed' : 'actor';
        layer.techniques.push({
            techniqueID: t,
            score: o && a ? 3 : o ? 2 : 1,
            color: COLORS[kind],
            comment: kind === 'both'
                ? `observed; reported for ${who}`
                : kind === 'observed'
                    ? 'observed; not reported for this actor'
                    : `reported for ${who}; not observed`,
            enabled: true,
            showSubtechniques: o,
        });
    }
    layer.gradient = { colors: ['#74b9ff', '#ff6666', '#8e44ad'], minValue: 1, maxValue: 3 };
    layer.legendItems = [
        { label: 'observed only', color: COLORS.observed },
        { label: `observed and reported for ${who}`, color: COLORS.both },
        { label: `reported for ${who}, not observed`, color: COLORS.actor },
    ];
    return layer;
}
export async function writeNavigatorLayer(path, layer) {
    await writeFile(path, `${JSON.stringify(layer, null, 2)}\n`);
}
//# sourceMappingURL=navigator.js.map