/**
 * Turns an incident's findings into observations and assesses them: techniques from the findings'
 * ATT&CK tags (software ids among them, S…, become software), malware named by matched indicators,
 * actor links from indicator matches, and the times of the activity.
 */
import type { Assessment, Finding } from '../model/index.js';
import type { AssessOptions, Attributor, Observations } from './attributor.js';
export declare function observationsOf(findings: readonly Finding[]): Observations;
export declare function attributeFindings(attributor: Attributor, findings: readonly Finding[], opts?: AssessOptions): Assessment;
