/**
 * Ranks actor hypotheses for a set of observations (techniques, software, indicator links, times)
 * and explains each with the evidence for and against, in the manner of the analysis of competing
 * hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8): every piece of evidence is
 * weighed against every hypothesis, and evidence that is inconsistent with a hypothesis is listed.
 *
 * Model: a conditional logit over candidate groups. For group g and observations Q the features are
 *   coverage  Σ_{t∈Q∩g} idf(t) / M(Q)   techniques g is reported using (itself or via its campaigns)
 *   partial   Σ idf(t) / M(Q) over t where g uses only the parent or a sibling sub-technique
 *   software-implied  Σ idf(t) / M(Q) over t implemented by software g uses
 *   software  Σ_{s∈Q∩g} idf(s) / M(Q)    software (malware, tools) g uses
 *   cosine    TF-IDF cosine of Q and g
 *   size      ln(1 + profile mass of g)  (documented groups are both likelier and broader)
 *   density   Σ_{t∈Q∩g} idf(t) / sqrt(profile mass of g)
 *   rare      Σ idf(t) / M(Q) over matched techniques at most three groups are known to use
 *   softwareAny  1 when g uses any of the observed software
 *   familyCosine  TF-IDF cosine over parent techniques (T1059.001 counts as T1059): partial credit
 *             for sibling sub-techniques, normalised like the cosine
 *   reportMax / reportTop3  the best (and the sum of the three best) TF-IDF cosines between Q and
 *             the single reports about g: an intrusion resembles the reports on its actor, and a
 *             profile that is the union of all reports dilutes that resemblance
 * with idf(x) = ln((N+1)/(df(x)+1)) over all N known groups (a technique every group uses says
 * little) and M(Q) the query's own idf mass. score(g) = w·x(g) + λ_i·(indicator weight for g);
 * P(g|Q) = softmax over the candidates. The weights w were fitted by `bench/_attribution-train.ts`
 * on leave-one-report-out queries generated from the ATT&CK bundle, excluding every report of the
 * development queries (so the dev figures are out-of-sample); λ_i = 16 makes one actor-linked
 * indicator (weight ~0.7) about as strong as a perfect technique match, and two of them decisive
 * (the issue: indicator and malware matches weigh more than techniques).
 */
import type { ActorEvidence, Assessment } from '../model/index.js';
import { type GroupProfile } from './profiles.js';
export interface Observations {
    /** ATT&CK technique ids */
    techniques?: readonly string[];
    /** ATT&CK software ids (S0245) or malware/tool names */
    software?: readonly string[];
    /** actor links from indicator matches */
    actors?: readonly ActorEvidence[];
    /** times of the observed activity (epoch ms), for timing patterns */
    times?: readonly number[];
}
export declare const FEATURES: readonly ["coverage", "partial", "softwareImplied", "software", "cosine", "size", "density", "rare", "softwareAny", "familyCosine", "reportMax", "reportTop3"];
export type FeatureVector = Record<(typeof FEATURES)[number], number>;
export interface ScoringParams {
    /** one weight per FEATURES entry */
    weights: readonly number[];
    /** logits per unit of indicator weight linking an actor */
    indicatorWeight: number;
}
/** fitted by bench/attribution-train.ts (see the header) */
export declare const DEFAULT_PARAMS: ScoringParams;
export interface RankedGroup {
    id: string;
    name: string;
    /** the model's logit */
    score: number;
    /** probability among the candidates (softmax of the logits) */
    share: number;
    features: FeatureVector;
    matched: {
        techniques: string[];
        partial: string[];
        viaSoftware: string[];
        software: string[];
        indicators: number;
    };
}
export interface AssessOptions {
    /** restrict hypotheses to these group ids */
    candidates?: readonly string[];
    /** how many hypotheses to return (default 5) */
    top?: number;
    /** technique/software id -> name, for readable evidence */
    nameOf?: (id: string) => string;
    /** citation name -> URL */
    references?: Readonly<Record<string, string>>;
}
export declare class Attributor {
    readonly params: ScoringParams;
    readonly groups: GroupProfile[];
    private readonly byId;
    private readonly idfT;
    private readonly idfS;
    private readonly familyOf;
    private readonly mass;
    private readonly norm;
    private readonly docs;
    private readonly idfF;
    private readonly familyNorm;
    private readonly maxIdf;
    /** idf of a technique three groups use */
    private readonly rareIdf;
    private readonly nameToSoftware;
    constructor(groups: readonly GroupProfile[], params?: ScoringParams);
    private featIdf;
    idf(t: string): number;
    group(id: string): GroupProfile | undefined;
    private displaySoftware;
    /** software observation -> key used in profiles (ATT&CK id, else lower-case name) */
    softwareKey(s: string): string;
    rank(obs: Observations, candidates?: readonly string[]): RankedGroup[];
    /** A full assessment: ranked hypotheses with confidence and evidence, or insufficient evidence. */
    assess(obs: Observations, opts?: AssessOptions): Assessment;
}
/**
 * The TF-IDF cosine baseline: group and query as binary vectors over techniques and software,
 * weighted by idf = ln(N/df), ranked by cosine similarity.
 */
export declare function tfidfRank(groups: readonly GroupProfile[], obs: Observations, candidates?: readonly string[]): {
    id: string;
    score: number;
}[];
