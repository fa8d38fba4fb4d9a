import type { Finding, Hypothesis } from '../model/index.js';
export interface NavigatorTechnique {
    techniqueID: string;
    score?: number;
    color?: string;
    comment?: string;
    enabled?: boolean;
    showSubtechniques?: boolean;
    metadata?: {
        name: string;
        value: string;
    }[];
}
export interface NavigatorLayer {
    name: string;
    versions: {
        attack?: string;
        navigator: string;
        layer: '4.5';
    };
    domain: 'enterprise-attack';
    description: string;
    sorting: number;
    layout: {
        layout: 'side' | 'flat' | 'mini';
        showID: boolean;
        showName: boolean;
    };
    hideDisabled: boolean;
    techniques: NavigatorTechnique[];
    gradient: {
        colors: string[];
        minValue: number;
        maxValue: number;
    };
    legendItems: {
        label: string;
        color: string;
    }[];
    showTacticRowBackground: boolean;
    selectTechniquesAcrossTactics: boolean;
    selectSubtechniquesWithParent: boolean;
}
/** A layer of the techniques in these findings; score = number of findings, comment = rule titles. */
export declare function huntLayer(findings: readonly Finding[], opts?: {
    name?: string;
    attackVersion?: string;
}): NavigatorLayer;
/**
 * An incident against its hypotheses: red = observed only, purple = observed and reported for the
 * hypothesis' actor, blue = reported for the actor, not observed. One layer per hypothesis.
 */
export declare function comparisonLayer(incidentId: string, observed: readonly string[], hypothesis: Pick<Hypothesis, 'actor' | 'name' | 'score' | 'confidence'>, actorTechniques: Iterable<string>, opts?: {
    attackVersion?: string;
}): NavigatorLayer;
export declare function writeNavigatorLayer(path: string, layer: NavigatorLayer): Promise<void>;
