// The district-team context: the professionals' workspace, where every crisis, escalation and concern ends up.
// Its one public face: the queue's order and lateness and the case's rules (domain/), and the team's desk
// (app/team-desk.ts) with its ports. The request's own transitions go through the stepped-care engine.
export * from './domain/queue';
export * from './domain/case';
export { TeamDesk, QUEUE_PAGE, type CaseView, type Caseload, type QueueRow, type QueueView, type TeamDeskDeps } from './app/team-desk';
export type { StaffDirectory } from './app/ports';
export { writeWmoWarnings, type WmoWatchDeps } from './app/wmo-watch';
