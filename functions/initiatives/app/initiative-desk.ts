// The coordinator registers and edits citizen initiatives (issue #5). The same items the seed writes and
// the engine matches on: a profile (with its weekly referral counts, kept on edit) and one listing per
// district; a district taken off an initiative loses its listing at once.
import * as z from 'zod/mini';
import { decide, subjectOf, type Account } from '../../identity/index';
import { DomainError } from '../../kernel/errors';
import { initiativeSchema, type InitiativeInput, type Municipality } from '../../kernel/municipality';
import { findTopic } from '../../kernel/topics';
import type { InitiativeRecord, Neighbourhood } from '../domain/initiative';
import type { InitiativeRegister } from './ports';

export class InitiativeDesk {
  constructor(private readonly deps: { initiatives: InitiativeRegister; municipality: Municipality }) {}

  /** The public directory: every initiative listed in the municipality, by name. */
  directory(): Promise<InitiativeRecord[]> {
    return this.deps.initiatives.listAll();
  }

  /** What is near a postcode: its district and the initiatives there (undefined outside the municipality). */
  neighbourhood(postcode: string): Promise<Neighbourhood | undefined> {
    return this.deps.initiatives.neighbourhood(postcode);
  }

  async list(by: Account): Promise<(InitiativeRecord & { capacityPerWeek: number })[]> {
    this.assertCoordinator(by);
    const all = await this.deps.initiatives.listAll();
    const profiles = await this.deps.initiatives.profiles(all.map((i) => i.initiativeId));
    const capacity = new Map(profiles.map((p) => [p.initiativeId, p.capacityPerWeek]));
    return all.map((i) => ({ ...i, capacityPerWeek: capacity.get(i.initiativeId) ?? 0 }));
  }

  /** Registers a new initiative (`isNew`: its id must be free) or saves an edited one. */
  async save(by: Account, input: InitiativeInput, options: { isNew?: boolean } = {}): Promise<void> {
    this.assertCoordinator(by);
    const parsed = z.safeParse(initiativeSchema, input);
    if (!parsed.success) {
      throw new DomainError('invalid-request', 'invalid initiative', {
        fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(','),
      });
    }
    const i = parsed.data;
    const districts = new Set(this.deps.municipality.districts.map((d) => d.id));
    if (i.districts.some((d) => !districts.has(d))) throw new DomainError('invalid-request', 'unknown district', { fields: 'districts' });
    if (i.topics.some((t) => !findTopic(t))) throw new DomainError('unknown-topic', 'unknown topic', { fields: 'topics' });

    if ((await this.deps.initiatives.save(i, options)) === 'exists') {
      throw new DomainError('illegal-transition', `an initiative ${i.id} exists already`, { fields: 'id' });
    }
  }

  private assertCoordinator(by: Account): void {
    if (!decide(subjectOf(by), 'coordinator').allow) throw new DomainError('forbidden', 'only the volunteer coordinator may do this');
  }
}
