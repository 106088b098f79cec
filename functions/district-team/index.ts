// The district-team context: the professionals' workspace, where every crisis, escalation and concern ends up.
//
// Its first piece is the queue's order and lateness (domain/queue.ts); the workspace issue builds the rest
// here, in the same inner shape as the other contexts:
//   domain/  the queue's order (crisis first, then the nearest deadline, then waiting time), why a request is
//            in the queue, the case and its coordinator, the household plan (goals and actions, each with an
//            owner), referrals to care and their outcomes, budgets within a mandate, the Wmo clocks as seen
//            by the team, team hours and public holidays
//   app/     commands (take, hand over with a reason, record first contact, ask the resident, send back to
//            the 0th line, note, close with an outcome, phone intake, acknowledge a concern) and queries (the
//            queue with its filters and counts, the warm handover page, caseload and waiting list), with
//            their ports; the request's own transitions go through the stepped-care engine's team commands
//   store/   adapters on DynamoDB: the queue index, cases, plans, notes
export * from './domain/queue';
