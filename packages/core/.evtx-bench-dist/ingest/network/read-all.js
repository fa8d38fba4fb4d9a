/** Every event of one input with the problems reported (tests, small tools). */
export async function readAll(reader, input, opts = {}) {
    const events = [];
    const problems = [];
    for await (const batch of reader.read(input, { ...opts, onProblem: (p) => problems.push(p) })) {
        for (const e of batch)
            events.push(e);
    }
    return { events, problems };
}
//# sourceMappingURL=read-all.js.map