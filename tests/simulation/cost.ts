// The cost of a request, measured: DynamoDB reports the capacity every call consumed (ReturnConsumedCapacity,
// read by a middleware on the client), the simulation counts the Lambda invocations its people's actions
// cause, and both are priced at AWS's published on-demand prices, with the stacks' fixed monthly costs.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/platform/dynamodb/keys';

/**
 * AWS on-demand prices, region eu-west-1 (Ireland), in USD, as AWS publishes them (DynamoDB after the price
 * reduction of November 2024). Check the AWS price list before budgeting: prices change.
 */
export const PRICES = {
  region: 'eu-west-1',
  usdToEur: 0.92,
  dynamoDbPerMillionWriteUnits: 0.7068,
  dynamoDbPerMillionReadUnits: 0.1415,
  dynamoDbStoragePerGbMonth: 0.283,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  httpApiPerMillionRequests: 1.11,
  wafPerWebAclMonth: 5,
  wafPerRuleMonth: 1,
  wafPerMillionRequests: 0.6,
  alarmPerMonth: 0.1,
  secretPerMonth: 0.4,
  sesPerThousandEmails: 0.1,
  logsPerGbIngested: 0.57,
} as const;

/** What the platform runs all month whatever happens (infra/cdk): the things that cost money by the month. */
export const FIXED = {
  wafWebAcls: 1,
  wafRules: 4, // two rate rules, two AWS managed rule groups (edge-security-stack.ts)
  alarms: 5, // one per function, one for the API's 5xx (constructs/alarms.ts)
  secrets: 2, // the referral link key and the status link key (stateful-stack.ts)
  safetyNetRunsPerMonth: (30 * 24 * 60) / 5 + 30, // the sweep every five minutes, the daily digest
} as const;

/** How long an invocation takes and how large a function is, on average (512 MB arm64, 120 ms). */
export const INVOCATION = { memoryGb: 0.5, seconds: 0.12, logBytes: 1500 } as const;

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/** Capacity units consumed through one client, and the e-mails written to the outbox through it. */
export class CapacityMeter {
  readUnits = 0;
  writeUnits = 0;
  outboxItems = 0;

  attach(client: DynamoDBDocumentClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        const input = args.input as Record<string, unknown>;
        if (READS.has(command) || WRITES.has(command)) input.ReturnConsumedCapacity = 'TOTAL';
        this.outboxItems += countOutbox(input);
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
        const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
        // Transactions cost two units per item on DynamoDB; DynamoDB Local reports one.
        const factor = command.startsWith('Transact') ? 2 : 1;
        if (READS.has(command)) this.readUnits += units * factor;
        if (WRITES.has(command)) this.writeUnits += units * factor;
        return result;
      },
      { step: 'initialize', name: 'wijkloketCapacityMeter' },
    );
  }
}

function countOutbox(input: Record<string, unknown>): number {
  const isOutbox = (item: unknown) => (item as { pk?: unknown } | undefined)?.pk === keys.outboxPartition;
  const transact = (input.TransactItems as { Put?: { Item?: unknown } }[] | undefined) ?? [];
  return transact.filter((t) => isOutbox(t.Put?.Item)).length + (isOutbox(input.Item) ? 1 : 0);
}

export interface YearUse {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Invocations of the site, API, notifier and stream functions the simulated people and requests caused. */
  invocations: { site: number; notifier: number; matching: number };
  emails: number;
  /** How many months the simulated period spans. */
  months: number;
}

export interface CostFigures {
  lines: [string, number | string, string][];
  monthlyEur: number;
}

/** The simulated period's use priced per month, with the fixed costs, and what dominates. */
export function monthlyCost(use: YearUse): CostFigures {
  const p = PRICES;
  const invocations = use.invocations.site + use.invocations.notifier + use.invocations.matching;
  const perInvocation = p.lambdaPerMillionRequests / 1e6 + INVOCATION.memoryGb * INVOCATION.seconds * p.lambdaArmPerGbSecond;
  const variable = {
    dynamodb: (use.readUnits * p.dynamoDbPerMillionReadUnits + use.writeUnits * p.dynamoDbPerMillionWriteUnits) / 1e6 / use.months,
    lambda: (invocations * perInvocation) / use.months,
    api: (use.invocations.site * p.httpApiPerMillionRequests) / 1e6 / use.months,
    // Every page request passes the WAF; a page brings its stylesheet and script along (about two requests).
    wafRequests: (use.invocations.site * 2 * p.wafPerMillionRequests) / 1e6 / use.months,
    email: (use.emails * p.sesPerThousandEmails) / 1000 / use.months,
    logs: (((invocations * INVOCATION.logBytes) / 1e9) * p.logsPerGbIngested) / use.months,
  };
  const fixed = {
    waf: FIXED.wafWebAcls * p.wafPerWebAclMonth + FIXED.wafRules * p.wafPerRuleMonth,
    alarms: FIXED.alarms * p.alarmPerMonth,
    secrets: FIXED.secrets * p.secretPerMonth,
    safetyNet: FIXED.safetyNetRunsPerMonth * perInvocation,
    storage: 0.1 * p.dynamoDbStoragePerGbMonth, // well under 100 MB for a year of one municipality
  };
  const parts = { ...variable, ...fixed };
  const usd = Object.values(parts).reduce((a, b) => a + b, 0);
  const eur = usd * p.usdToEur;
  const [dominant, dominantUsd] = Object.entries(parts).sort(([, a], [, b]) => b - a)[0]!;
  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    monthlyEur: eur,
    lines: [
      ['read units per request', round(use.readUnits / use.requests, 1), 'RRU'],
      ['write units per request', round(use.writeUnits / use.requests, 1), 'WRU'],
      ['lambda invocations per request', round(invocations / use.requests, 1), ''],
      ['emails per request', round(use.emails / use.requests, 1), ''],
      ['prices used', `AWS on-demand, ${p.region}, USD (EUR at ${p.usdToEur})`, ''],
      ['estimated monthly cost for the simulated year', round(eur), 'EUR'],
      ['estimated monthly cost, variable part', round(Object.values(variable).reduce((a, b) => a + b, 0) * p.usdToEur), 'EUR'],
      [
        'estimated monthly cost, fixed part (WAF, alarms, secrets, schedules)',
        round(Object.values(fixed).reduce((a, b) => a + b, 0) * p.usdToEur),
        'EUR',
      ],
      ['estimated monthly cost dominated by', `${dominant} (${round(dominantUsd * p.usdToEur)} EUR)`, ''],
    ],
  };
}
