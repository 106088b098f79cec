// The safety net's schedules, from the same facts the local platform's timer reads
// (functions/platform/config/schedules.ts): the sweep, and volunteers' daily digest.
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { DIGEST_HOUR_UTC, SWEEP_EVERY_MINUTES } from '../../../functions/platform/config/schedules';

export class SafetyNetSchedules extends Construct {
  constructor(scope: Construct, id: string, props: { safetyNet: lambda.IFunction }) {
    super(scope, id);
    new events.Rule(this, 'Sweep', {
      description: 'Wijkloket: move requests whose deadline passed one step up the ladder',
      schedule: events.Schedule.rate(Duration.minutes(SWEEP_EVERY_MINUTES)),
      targets: [new eventTargets.LambdaFunction(props.safetyNet, { retryAttempts: 2 })],
    });
    new events.Rule(this, 'DailyDigest', {
      description: 'Wijkloket: one e-mail per volunteer with the day’s non-urgent offers',
      schedule: events.Schedule.cron({ minute: '0', hour: String(DIGEST_HOUR_UTC) }),
      targets: [new eventTargets.LambdaFunction(props.safetyNet, { retryAttempts: 2, event: events.RuleTargetInput.fromObject({ digest: true }) })],
    });
  }
}
