export type ConditionNode = {
    op: 'id';
    name: string;
} | {
    op: 'not';
    arg: ConditionNode;
} | {
    op: 'and' | 'or';
    args: ConditionNode[];
}
/** count: 'all' or a minimum number of identifiers that must match */
 | {
    op: 'of';
    count: 'all' | number;
    pattern: string;
    names: string[];
};
/** Parses a condition against the rule's search identifiers (for `them`, patterns and checks). */
export declare function parseCondition(src: string, identifiers: readonly string[]): ConditionNode;
/** Evaluates a condition tree into a closure over compiled identifier tests. */
export declare function compileCondition<C>(node: ConditionNode, tests: ReadonlyMap<string, (ctx: C) => boolean>): (ctx: C) => boolean;
