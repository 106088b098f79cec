// The HTTP API behind CloudFront: /api/* to the public API, everything else (on-demand pages, the 404 page)
// to the site function; throttled per stage, with access logs that hold no IP addresses or query strings.
import { LOG_RETENTION_DAYS } from '../../../functions/kernel/durations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface PublicHttpApiProps {
  publicApi: lambda.IFunction;
  site: lambda.IFunction;
  /** Requests per second per stage before API Gateway answers 429. */
  rateLimit: number;
}

export class PublicHttpApi extends Construct {
  readonly api: apigw.HttpApi;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION_DAYS as logs.RetentionDays });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Wijkloket: public API and on-demand pages, behind CloudFront',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('SiteIntegration', props.site),
    });
    this.api.addRoutes({
      path: '/api/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('PublicApiIntegration', props.publicApi),
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.rateLimit * 2 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No IP addresses, query strings or user agents: only what is needed to follow a request.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
          }),
        ),
      },
    });
    acknowledge(this.api, [
      {
        id: 'AwsSolutions-APIG4',
        reason: 'Public civic API and pages: residents ask for help without an account. Staff routes get their own authorizer in their issue.',
      },
    ]);
  }
}
