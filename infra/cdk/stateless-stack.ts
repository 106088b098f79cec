// The stateless stack: a composition of named constructs (infra/cdk/constructs/): one WijkloketFunction per
// app with least-privilege table grants, the stream triggers, the safety net's schedules, the HTTP API, the
// public edge (CloudFront, S3, headers) and the alarms. Replaced freely on deploy; the data lives in the
// stateful stack.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { DEFAULT_MUNICIPALITY } from '../../functions/platform/config/municipality';
import { keys } from '../../functions/platform/dynamodb/keys';
import { TABLE } from '../../functions/platform/dynamodb/table-definition';
import { PlatformAlarms } from './constructs/alarms';
import { PublicHttpApi } from './constructs/http-api';
import { acknowledge } from './constructs/nag';
import { PublicEdge } from './constructs/public-edge';
import { SafetyNetSchedules } from './constructs/safety-net-schedules';
import { StreamTrigger } from './constructs/stream-trigger';
import { WijkloketFunction } from './constructs/wijkloket-function';
import { LAMBDA_FUNCTIONS } from './lambda-functions';

export interface StatelessStackProps extends StackProps {
  table: dynamodb.ITableV2;
  municipality?: string;
  /** Requests per second per stage before API Gateway answers 429. */
  apiRateLimit?: number;
  /** From address of notification e-mails; its domain must be a verified SES identity. */
  senderEmail: string;
  /** The AWS WAF web ACL (in us-east-1) that rate-limits clients in front of CloudFront. */
  webAclArn: string;
  /** The key that signs referral links: the notifier signs them into e-mails, the site checks them. */
  linkSigningKey: secretsmanager.ISecret;
  statusTokenKey: secretsmanager.ISecret;
}

export class StatelessStack extends Stack {
  readonly functions: Record<string, lambda.Function> = {};
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const municipality = props.municipality ?? DEFAULT_MUNICIPALITY;
    const made = Object.fromEntries(
      LAMBDA_FUNCTIONS.map((spec) => [spec.id, new WijkloketFunction(this, spec.id, { spec, table: props.table, municipality })]),
    ) as Record<string, WijkloketFunction>;
    for (const [fnId, construct] of Object.entries(made)) this.functions[fnId] = construct.fn;
    const fn = (fnId: string) => made[fnId]!;
    const [publicApi, site, safetyNet, notifier] = [fn('public-api'), fn('site'), fn('safety-net'), fn('notifier')];

    publicApi.grantTable('read-write');
    site.grantTable('read-write'); // residents ask, reply and erase through forms
    safetyNet.grantTable('read-write');
    notifier.grantTable('read');
    for (const { fn: reader } of [site, notifier]) {
      props.linkSigningKey.grantRead(reader);
      reader.addEnvironment('LINK_SIGNING_SECRET_ARN', props.linkSigningKey.secretArn);
    }
    // The intake (form and API) makes status links with the status link key.
    for (const { fn: intake } of [site, publicApi]) {
      props.statusTokenKey.grantRead(intake);
      intake.addEnvironment('STATUS_TOKEN_SECRET_ARN', props.statusTokenKey.secretArn);
    }

    new SafetyNetSchedules(this, 'SafetyNetSchedules', { safetyNet: safetyNet.fn });
    // The outbox: every new OUTBOX item reaches the notifier through the table's stream.
    new StreamTrigger(this, 'Notifications', {
      fn: notifier.fn,
      table: props.table,
      retryAttempts: 10,
      match: { Keys: { [TABLE.partitionKey.name]: { S: lambda.FilterRule.isEqual(keys.outboxPartition) } } },
    });
    // Deferred matching: a new request waiting for its first offer reaches the safety net at once
    // (the sweep matches whatever lands in the dead-letter queue anyway).
    new StreamTrigger(this, 'Matching', {
      fn: safetyNet.fn,
      table: props.table,
      retryAttempts: 3,
      match: {
        Keys: { [TABLE.sortKey.name]: { S: lambda.FilterRule.isEqual(keys.requestHead('x').sk) } },
        NewImage: { due: { M: { kind: { S: lambda.FilterRule.isEqual('match') } } } },
      },
    });

    const senderDomain = props.senderEmail.split('@')[1]!;
    notifier.fn.addEnvironment('SENDER_EMAIL', props.senderEmail);
    notifier.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [`arn:${this.partition}:ses:${this.region}:${this.account}:identity/${senderDomain}`],
      }),
    );

    const http = new PublicHttpApi(this, 'HttpApi', { publicApi: publicApi.fn, site: site.fn, rateLimit: props.apiRateLimit ?? 50 });
    const edge = new PublicEdge(this, 'Edge', { api: http.api, webAclArn: props.webAclArn });
    this.distribution = edge.distribution;
    // The receipt e-mail links to the status lookup on the site; staff passkeys are bound to the site's host.
    for (const { fn: withSite } of [notifier, site]) withSite.addEnvironment('SITE_URL', `https://${this.distribution.distributionDomainName}`);
    new PlatformAlarms(this, 'Alarms', { functions: this.functions, api: http.api });

    // Findings on the custom resource function that CDK itself adds for the bucket deployment.
    const cdkAssetBucket = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}/*`;
    const siteBucketArn = `Resource::<${this.getLogicalId(edge.siteBucket.node.defaultChild as s3.CfnBucket)}.Arn>/*`;
    acknowledge(this, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The bucket deployment custom resource of CDK uses the basic execution role; CDK owns that role.',
      },
      ...[
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        'Action::s3:DeleteObject*',
        'Action::s3:Abort*',
        'Resource::*',
        `Resource::${cdkAssetBucket}`,
        siteBucketArn,
      ].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          'CDK generates these statements for its bucket deployment: it copies the site from the asset bucket into the site bucket and removes stale files.',
      })),
      {
        id: 'AwsSolutions-L1',
        reason:
          'Our functions run Node.js 22, the exact version the project is built and tested on locally and in CI (see docs/decisions/0001); the bucket deployment function of CDK chooses its own runtime.',
      },
    ]);

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.distribution.distributionDomainName}/` });
    new CfnOutput(this, 'HttpApiEndpoint', { value: http.api.apiEndpoint });
  }
}
