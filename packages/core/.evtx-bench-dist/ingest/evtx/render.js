/**
 * Renderers of resolved record trees:
 * - `toEvtxJson`: the object evtx_dump (the Rust `evtx` crate) prints for a record: attributes
 *   under `#attributes`, mixed text under `#text`, `EventData`/`UserData` `Data` elements keyed by
 *   their `Name`, unnamed ones as `Data: {"#text": ...}`, repeated element names as `X`, `X_1`...,
 *   an element holding one integer or boolean value as a JSON number or boolean.
 * - `toXml`: the record as Windows renders it (Event Viewer / libevtx layout, two-space indent),
 *   with empty attributes left out.
 */
import { K_CDATA, K_CHARREF, K_ELEM, K_ENTITY, K_PI, K_TEXT, K_VALUE, } from './binxml.js';
import { isJsonNumberType, scalarJsonText, scalarXmlText } from './values.js';
/** Keep 64-bit integers above 2^53 as bigint (exact JSON text) instead of the nearest double. */
let exactBig = false;
function isEmptyValue(n) {
    if (n.k !== K_VALUE)
        return false;
    const v = n.v;
    return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}
/** True when the nodes carry text (a non-empty text, value, or reference). */
export function hasText(nodes) {
    for (const n of nodes) {
        switch (n.k) {
            case K_TEXT:
            case K_CDATA:
                if (n.s !== '')
                    return true;
                break;
            case K_VALUE:
                if (!isEmptyValue(n))
                    return true;
                break;
            case K_CHARREF:
            case K_ENTITY:
                return true;
        }
    }
    return false;
}
export function hasElement(nodes) {
    for (const n of nodes)
        if (n.k === K_ELEM)
            return true;
    return false;
}
function valueJsonText(t, v) {
    if (v === null)
        return '';
    if (Array.isArray(v))
        return v.map((x) => scalarJsonText(t, x)).join(',');
    return scalarJsonText(t, v);
}
/** Text content as evtx_dump writes it (elements skipped; entity and character refs kept raw). */
export function textOf(nodes) {
    let s = '';
    for (const n of nodes) {
        switch (n.k) {
            case K_TEXT:
            case K_CDATA:
                s += n.s;
                break;
            case K_VALUE:
                s += valueJsonText(n.t, n.v);
                break;
            case K_CHARREF:
                s += `&#${n.c};`;
                break;
            case K_ENTITY:
                s += `&${n.n};`;
                break;
        }
    }
    return s;
}
function asNumber(n) {
    if (n.k === K_VALUE && isJsonNumberType(n.t) && !Array.isArray(n.v) && n.v !== null) {
        const v = n.v;
        return typeof v === 'bigint' && !exactBig ? Number(v) : v;
    }
    return undefined;
}
/** evtx_dump trims the whitespace around text values in its JSON (its twins carry no edge spaces). */
export function contentValue(nodes) {
    if (nodes.length === 1) {
        const num = asNumber(nodes[0]);
        if (num !== undefined)
            return num;
    }
    return textOf(nodes).trim();
}
export function contentValueSkipElements(nodes) {
    let single;
    let ok = true;
    for (const n of nodes) {
        if (n.k === K_ELEM || n.k === K_PI)
            continue;
        if ((n.k === K_TEXT || n.k === K_CDATA) && n.s === '')
            continue;
        if (n.k === K_VALUE) {
            if (isEmptyValue(n))
                continue;
            if (single)
                ok = false;
            single = n;
            continue;
        }
        ok = false;
    }
    if (ok && single) {
        const num = asNumber(single);
        if (num !== undefined)
            return num;
    }
    return textOf(nodes).trim();
}
function isDataContainer(name) {
    return name === 'EventData' || name === 'UserData';
}
function nameAttr(el) {
    for (const a of el.attrs)
        if (a.name === 'Name')
            return a.value;
    return undefined;
}
export function elementValue(el, container) {
    let attrText = false;
    for (const a of el.attrs) {
        if (hasText(a.value)) {
            attrText = true;
            break;
        }
    }
    if (!attrText && !hasElement(el.children)) {
        return hasText(el.children) ? contentValue(el.children) : null;
    }
    return elementBody(el, container);
}
export function dataValue(el) {
    const hasE = hasElement(el.children);
    if (!hasE && !hasText(el.children))
        return '';
    return hasE ? elementBody(el, false) : contentValue(el.children);
}
function elementBody(el, inData) {
    const obj = {};
    let attrs;
    for (const a of el.attrs) {
        if (!hasText(a.value))
            continue;
        if (!attrs)
            attrs = {};
        attrs[a.name] = contentValue(a.value);
    }
    if (attrs)
        obj['#attributes'] = attrs;
    if (hasText(el.children))
        obj['#text'] = contentValueSkipElements(el.children);
    let flatten = false;
    let positional = 0;
    if (inData) {
        for (const c of el.children) {
            if (c.k !== K_ELEM || c.name !== 'Data')
                continue;
            positional++;
            const nv = nameAttr(c);
            if (nv && hasText(nv))
                flatten = true;
        }
    }
    let positionalDone = false;
    for (const c of el.children) {
        if (c.k !== K_ELEM)
            continue;
        if (inData && c.name === 'Data') {
            if (flatten) {
                const nv = nameAttr(c);
                if (!nv || !hasText(nv))
                    continue;
                obj[textOf(nv)] = dataValue(c);
            }
            else if (!positionalDone && positional > 0) {
                positionalDone = true;
                if (positional === 1)
                    obj.Data = { '#text': dataValue(c) };
                else {
                    const list = [];
                    for (const d of el.children)
                        if (d.k === K_ELEM && d.name === 'Data')
                            list.push(dataValue(d));
                    obj.Data = { '#text': list };
                }
            }
            continue;
        }
        // Repeated names get `_1`, `_2`... (evtx_dump's convention for e.g. repeated <Header>).
        let key = c.name;
        if (key in obj) {
            let k = 1;
            while (`${c.name}_${k}` in obj)
                k++;
            key = `${c.name}_${k}`;
        }
        obj[key] = elementValue(c, isDataContainer(c.name));
    }
    return obj;
}
/** The root element of a resolved record, if any. */
export function rootElement(nodes) {
    for (const n of nodes)
        if (n.k === K_ELEM)
            return n;
    return undefined;
}
/**
 * evtx_dump's JSON object for a record: `{ Event: {...} }`. Integers beyond 2^53 become the
 * nearest double (what JSON.parse of evtx_dump's output gives) unless `exact`, where they stay
 * bigint for `stringifyEvtxJson`.
 */
export function toEvtxJson(nodes, exact = false) {
    const root = rootElement(nodes);
    if (!root)
        return {};
    exactBig = exact;
    try {
        return { [root.name]: elementValue(root, false) };
    }
    finally {
        exactBig = false;
    }
}
const BIG_MARK = '\u0000big:';
/** JSON text of an evtx_dump object, with bigint written as exact integer literals. */
export function stringifyEvtxJson(obj) {
    let big = false;
    const s = JSON.stringify(obj, (_k, v) => {
        if (typeof v !== 'bigint')
            return v;
        big = true;
        return `${BIG_MARK}${v}`;
    });
    return big ? s.replace(/"\\u0000big:(-?\d+)"/g, '$1') : s;
}
// ---------------------------------------------------------------------------------------------
// XML
function escText(s) {
    if (!/[&<>]/.test(s))
        return s;
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escAttr(s) {
    if (!/[&<>"]/.test(s))
        return s;
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function xmlText(nodes, attr) {
    let s = '';
    for (const n of nodes) {
        switch (n.k) {
            case K_TEXT:
                s += attr ? escAttr(n.s) : escText(n.s);
                break;
            case K_CDATA:
                s += attr ? escAttr(n.s) : `<![CDATA[${n.s}]]>`;
                break;
            case K_VALUE: {
                if (n.v === null)
                    break;
                const t = Array.isArray(n.v)
                    ? n.v.map((x) => scalarXmlText(n.t, x)).join(',')
                    : scalarXmlText(n.t, n.v);
                s += attr ? escAttr(t) : escText(t);
                break;
            }
            case K_CHARREF:
                s += `&#${n.c};`;
                break;
            case K_ENTITY:
                s += `&${n.n};`;
                break;
            case K_PI:
                if (!attr)
                    s += `<?${n.target} ${n.data}?>`;
                break;
        }
    }
    return s;
}
function writeXml(el, indent, out) {
    let open = `${indent}<${el.name}`;
    for (const a of el.attrs) {
        if (!hasText(a.value))
            continue;
        open += ` ${a.name}="${xmlText(a.value, true)}"`;
    }
    const hasE = hasElement(el.children);
    if (!hasE) {
        const t = xmlText(el.children, false);
        out.push(t === '' ? `${open}/>\n` : `${open}>${t}</${el.name}>\n`);
        return;
    }
    out.push(`${open}>\n`);
    const inner = `${indent}  `;
    let run = [];
    const flush = () => {
        if (run.length === 0)
            return;
        const t = xmlText(run, false);
        if (t.trim() !== '')
            out.push(`${inner}${t}\n`);
        run = [];
    };
    for (const c of el.children) {
        if (c.k === K_ELEM) {
            flush();
            writeXml(c, inner, out);
        }
        else
            run.push(c);
    }
    flush();
    out.push(`${indent}</${el.name}>\n`);
}
/** The record as Windows XML (no XML declaration; ends with a newline). */
export function toXml(nodes) {
    const out = [];
    for (const n of nodes) {
        if (n.k === K_ELEM)
            writeXml(n, '', out);
        else if (n.k === K_PI)
            out.push(`<?${n.target} ${n.data}?>\n`);
    }
    return out.join('');
}
//# sourceMappingURL=render.js.map