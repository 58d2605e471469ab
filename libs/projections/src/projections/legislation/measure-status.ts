import { assertNever } from '@ledger/domain';
import type { VoteRecordedData } from '@ledger/domain/generated/event-payloads';
import type { MeasureStatusValue } from '../../legislation.rows';

type Motion = VoteRecordedData['motion'];

/**
 * The status a vote leaves a measure in (libs/domain/README.md, stages -> MeasureStatus): readings
 * and committee reports keep it INTRODUCED until final passage; amendments change no stage; a
 * failed veto override leaves the veto standing.
 */
export function statusAfterVote(current: MeasureStatusValue, motion: Motion, result: VoteRecordedData['result']): MeasureStatusValue {
  const passed = result === 'PASSED';
  switch (motion) {
    case 'committee-passage':
    case 'first-reading':
      return passed ? 'INTRODUCED' : 'FAILED';
    case 'final-passage':
    case 'adoption':
      // An adopted resolution is then enacted by the MeasureEnacted that follows the vote.
      return passed ? 'PASSED' : 'FAILED';
    case 'veto-override':
      return passed ? 'PASSED' : current;
    case 'amendment':
      return current;
    default:
      return assertNever(motion);
  }
}
