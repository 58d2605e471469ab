import { Inject, Injectable } from '@nestjs/common';
import { forbidden, type Actor } from '@ledger/domain';
import { CLERK_OFFICE_ID } from '../application.ports';
import { FactsService } from '../facts/facts.service';

/**
 * Accounts tied to the record (issue 13). A token says who its holder is; the record says what
 * they are. A clerk records the city's acts, so a clerk's token must stand for a person the clerk's
 * office (LEDGER_CLERK_OFFICE) lists as a clerk on the day of recording, as the mayor's and the
 * officers' acts already stand on their offices (domain/shared/officeholder.ts); oversight's one
 * act, a review, is checked there against the department it oversees.
 *
 * Bootstrapping: until the record has ever named a clerk of that office, any clerk token may record,
 * so that the first clerk can register the office and themselves; from then on the office decides.
 *
 * The name recorded (recordedBy.name) is the registered person's, not the token's claim.
 */
@Injectable()
export class AccountsOnRecord {
  constructor(
    private readonly facts: FactsService,
    @Inject(CLERK_OFFICE_ID) private readonly clerkOfficeId: string,
  ) {}

  /** The actor as the record knows it; FORBIDDEN for a clerk the office does not list on `today`. */
  async actorOnRecord(actor: Actor, today: string): Promise<Actor> {
    if (actor.role === 'clerk') await this.assertClerkOnRecord(actor, today);
    const name = await this.facts.personName(actor.id);
    return name === null || name === actor.name ? actor : { ...actor, name };
  }

  private async assertClerkOnRecord(actor: Actor, today: string): Promise<void> {
    const clerks = await this.facts.roleHolders(this.clerkOfficeId, 'clerk');
    if (clerks.everHeld === 0) return;
    if (!clerks.on(today).includes(actor.id)) {
      throw forbidden(
        `${actor.id} is not a clerk of ${this.clerkOfficeId} on ${today}: a clerk's token must belong to a person the clerk's office lists with the role clerk (LEDGER_CLERK_OFFICE)`,
      );
    }
  }
}
