/**
 * Sigma correlation rules (Sigma Correlation Rules Specification v2.1.0): parsing of `correlation:`
 * documents, reference resolution with chaining and cycle detection, and the streaming evaluator.
 * See correlation-engine.ts for the window semantics.
 */
export { buildCorrelator, type CorrelationInfo, type CorrelationRejection, type CorrelationRuleRef, CorrelationSession, type CorrelationStats, Correlator, compareFindings as compareCorrelationFindings, } from './correlation-engine.js';
export { CONDITION_OPERATORS, CORRELATION_TYPES, type ConditionOperator, type CorrelationCondition, type CorrelationDefinition, type CorrelationType, conditionHolds, describeCondition, isCorrelationDocument, parseCorrelationDocument, parseTimespan, } from './correlation-parse.js';
