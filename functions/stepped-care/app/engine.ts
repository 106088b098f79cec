// The stepped-care engine: one face over the commands of each actor (resident, volunteer, initiative, team,
// safety net), which share one command runner and the ladder's common steps. Apps and other contexts call
// this; the rules it applies are pure domain code in ../domain/.
import type { WmoStep } from '../domain/deadlines';
import type { Actor } from '../domain/lifecycle';
import type { ReferralOutcome } from '../domain/referral';
import type { RequestHead } from '../domain/request';
import { InitiativeCommands } from './commands/initiative';
import { Ladder } from './commands/ladder';
import { ResidentCommands, type Intake, type SubmitResult } from './commands/resident';
import { CommandRunner, type EngineDeps } from './commands/runner';
import { SafetyNet, type SweepCounts } from './commands/safety-net';
import { TeamCommands } from './commands/team';
import { VolunteerCommands } from './commands/volunteer';
import type { Effect } from './ports';

export { HeadCache, type EngineDeps } from './commands/runner';
export type { Intake, SubmitResult } from './commands/resident';
export type { SweepCounts } from './commands/safety-net';
export type { SweepOutcome } from '../domain/safety-net';
export { OFFER_COUNT } from '../domain/offer-plan';

export class SteppedCareEngine {
  private readonly run: CommandRunner;
  private readonly ladder: Ladder;
  private readonly resident: ResidentCommands;
  private readonly volunteer: VolunteerCommands;
  private readonly initiative: InitiativeCommands;
  private readonly team: TeamCommands;
  private readonly safetyNet: SafetyNet;

  constructor(private readonly deps: EngineDeps) {
    this.run = new CommandRunner(deps);
    this.ladder = new Ladder(this.run);
    this.resident = new ResidentCommands(this.run, this.ladder);
    this.volunteer = new VolunteerCommands(this.run, this.ladder);
    this.initiative = new InitiativeCommands(this.run, this.ladder);
    this.team = new TeamCommands(this.run, this.ladder);
    this.safetyNet = new SafetyNet(this.run, this.ladder);
  }

  /** The same engine with a fixed clock: for simulations and replays that run many moments at once. */
  at(moment: Date): SteppedCareEngine {
    return new SteppedCareEngine({ ...this.deps, heads: this.run.heads, clock: () => moment });
  }

  // resident
  submit = (intake: Intake): Promise<SubmitResult> => this.resident.submit(intake);
  matchNow = (requestId: string) => this.resident.matchNow(requestId);
  confirmSolved = (requestId: string) => this.resident.confirmSolved(requestId);
  reportNotSolved = (requestId: string, reason: string) => this.resident.reportNotSolved(requestId, reason);
  withdraw = (requestId: string, reason: string) => this.resident.withdraw(requestId, reason);
  residentReplied = (requestId: string, effects: Effect[]) => this.resident.residentReplied(requestId, effects);
  giveFeedback = (requestId: string, score: number, effects: Effect[]) => this.resident.giveFeedback(requestId, score, effects);
  erasePersonalData = (requestId: string, actor: 'resident' | 'system', reason: string, erasure: Effect[]) =>
    this.resident.erasePersonalData(requestId, actor, reason, erasure);
  requestInformation = (requestId: string, actor: Actor, effects: Effect[]) => this.resident.requestInformation(requestId, actor, effects);

  // volunteer
  claim = (requestId: string, volunteerId: string): Promise<RequestHead> => this.volunteer.claim(requestId, volunteerId);
  noteProgress = (requestId: string, volunteerId: string, note: string) => this.volunteer.noteProgress(requestId, volunteerId, note);
  release = (requestId: string, volunteerId: string, reason: string) => this.volunteer.release(requestId, volunteerId, reason);
  markDone = (requestId: string, volunteerId: string, note: string) => this.volunteer.markDone(requestId, volunteerId, note);
  needsProfessional = (requestId: string, volunteerId: string, reason: string) => this.volunteer.needsProfessional(requestId, volunteerId, reason);
  raiseConcern = (requestId: string, volunteerId: string, text: string, retainUntil: string) =>
    this.volunteer.raiseConcern(requestId, volunteerId, text, retainUntil);

  // initiative (through its signed link)
  acceptReferral = (requestId: string, initiativeId: string) => this.initiative.acceptReferral(requestId, initiativeId);
  declineReferral = (requestId: string, initiativeId: string) => this.initiative.declineReferral(requestId, initiativeId);
  closeReferral = (requestId: string, initiativeId: string, outcome: ReferralOutcome, note: string, initiativeName?: string) =>
    this.initiative.closeReferral(requestId, initiativeId, outcome, note, initiativeName);

  // district team
  acceptByTeam = (requestId: string, professionalId: string) => this.team.acceptByTeam(requestId, professionalId);
  handOver = (requestId: string, byId: string, toId: string, reason: string) => this.team.handOver(requestId, byId, toId, reason);
  recordContact = (requestId: string, professionalId: string, how: string) => this.team.recordContact(requestId, professionalId, how);
  recordContactAttempt = (requestId: string, professionalId: string, how: string) => this.team.recordContactAttempt(requestId, professionalId, how);
  sendMessage = (requestId: string, professionalId: string, effects: Effect[]) => this.team.sendMessage(requestId, professionalId, effects);
  addNote = (requestId: string, professionalId: string, effects: Effect[]) => this.team.addNote(requestId, professionalId, effects);
  finish = (requestId: string, professionalId: string, outcome: string) => this.team.finish(requestId, professionalId, outcome);
  recordWmoStep = (requestId: string, professionalId: string, step: WmoStep) => this.team.recordWmoStep(requestId, professionalId, step);
  acknowledgeConcern = (requestId: string, professionalId: string, volunteerId: string) =>
    this.team.acknowledgeConcern(requestId, professionalId, volunteerId);
  closeConcern = (requestId: string, professionalId: string, volunteerId: string, outcome: string) =>
    this.team.closeConcern(requestId, professionalId, volunteerId, outcome);
  sendBackToZerothLine = (requestId: string, professionalId: string, advice: string) =>
    this.team.sendBackToZerothLine(requestId, professionalId, advice);
  refer = (requestId: string, professionalId: string, to: string) => this.team.refer(requestId, professionalId, to);
  close = (requestId: string, professionalId: string, outcome: string, attemptsNeeded?: number) =>
    this.team.close(requestId, professionalId, outcome, attemptsNeeded);

  // safety net and matching
  sweep = (limit?: number): Promise<SweepCounts> => this.safetyNet.sweep(limit);
  candidates = (head: Parameters<Ladder['candidates']>[0]) => this.ladder.candidates(head);
}
