// The cost of a request (issue #12), measured in the bench run: a simulated month of the demo municipality
// (400 requests, about the rate of its 5,000 a year) on DynamoDB Local, with the capacity DynamoDB reports
// and the Lambda invocations the simulated people cause, priced per month (tests/simulation/cost.ts).
// Target: the demo municipality under 50 euro a month.
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { dynamoDbWorld, runSimulation } from '../simulation/district-year';

type Line = (name: string, value: number | string, unit?: string) => void;

export const MONTHLY_TARGET_EUR = 50;
const COST_LINES = /units per request|invocations per request|emails per request|prices used|cost/;

export async function costBenchmarks(line: Line): Promise<boolean> {
  const dynamo = await startDynamoDbLocal();
  try {
    const result = await runSimulation(
      { requests: 400, days: 30, volunteers: 80, initiatives: 8, seed: 7, tailDays: 20 },
      await dynamoDbWorld(dynamo.endpoint, 'bench-cost'),
    );
    let monthly = Number.POSITIVE_INFINITY;
    for (const [name, value, unit] of result.figures.filter(([name]) => COST_LINES.test(name))) {
      line(name.startsWith('cost') ? name : `cost ${name}`, value, unit);
      if (name === 'estimated monthly cost for the simulated year') monthly = Number(value);
    }
    const ok = monthly < MONTHLY_TARGET_EUR;
    line('target cost', ok ? 'met' : 'MISSED');
    return ok;
  } finally {
    await dynamo.stop();
  }
}
