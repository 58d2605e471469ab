import type { VoteMotion } from './measure.events';
import type { MeasureKind, MeasureStage } from './measure.state';

export interface MotionRule {
  /** the kinds of measure the motion applies to */
  kinds: readonly MeasureKind[];
  /** the stages at which it may be taken */
  stages: readonly MeasureStage[];
  /**
   * Whether passing it gives the measure its force (it then goes to signature, is enacted, or
   * overrides a veto); a committee report, a first reading or an amendment does not.
   */
  givesForce: boolean;
}

/** Which measures a motion applies to, at which stages, and what passing it does (README, "motion vs stage vs body"). */
export const MOTIONS: Readonly<Record<VoteMotion, MotionRule>> = {
  'committee-passage': { kinds: ['ORDINANCE', 'RESOLUTION'], stages: ['in-committee'], givesForce: false },
  'first-reading': { kinds: ['ORDINANCE'], stages: ['introduced', 'reported'], givesForce: false },
  'final-passage': { kinds: ['ORDINANCE'], stages: ['first-reading-passed'], givesForce: true },
  adoption: { kinds: ['RESOLUTION'], stages: ['introduced', 'reported'], givesForce: true },
  amendment: { kinds: ['ORDINANCE', 'RESOLUTION'], stages: ['in-committee', 'introduced', 'reported', 'first-reading-passed'], givesForce: false },
  'veto-override': { kinds: ['ORDINANCE'], stages: ['vetoed'], givesForce: true },
  // Reconsiders the measure's latest vote, at whatever stage that vote left it (vote-record.decider.ts).
  reconsideration: { kinds: ['ORDINANCE', 'RESOLUTION'], stages: ['in-committee', 'reported', 'first-reading-passed', 'passed', 'failed', 'vetoed'], givesForce: false },
};

/** Whether a passed vote on this motion gives a measure its force (see MotionRule.givesForce). */
export function motionGivesForce(motion: string): boolean {
  return Object.hasOwn(MOTIONS, motion) && MOTIONS[motion as VoteMotion].givesForce;
}
