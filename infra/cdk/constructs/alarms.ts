// Alarms: any function that throws, and any 5xx from the HTTP API (residents may not reach help).
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class PlatformAlarms extends Construct {
  constructor(scope: Construct, id: string, props: { functions: Record<string, lambda.IFunction>; api: apigw.HttpApi }) {
    super(scope, id);
    const period = Duration.minutes(5);
    for (const [fnId, fn] of Object.entries(props.functions)) {
      new cloudwatch.Alarm(this, `${fnId}-errors`, {
        alarmDescription: `Wijkloket ${fnId}: the function threw errors`,
        metric: fn.metricErrors({ period }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
    new cloudwatch.Alarm(this, 'api-5xx', {
      alarmDescription: 'Wijkloket HTTP API answered 5xx: residents may not reach help',
      metric: props.api.metricServerError({ period }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
