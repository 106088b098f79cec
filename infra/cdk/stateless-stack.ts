// The stateless stack: functions, the HTTP API, the site bucket and CloudFront. Safe to destroy and redeploy.
import { AssetHashType, CfnOutput, DockerImage, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_MUNICIPALITY } from '../../functions/platform/config/municipality';
import { DIGEST_HOUR_UTC, SWEEP_EVERY_MINUTES } from '../../functions/platform/config/schedules';
import { keys } from '../../functions/platform/dynamodb/keys';
import { TABLE } from '../../functions/platform/dynamodb/table-definition';
import { HSTS_MAX_AGE_SECONDS, SITE_CSP, SITE_SECURITY_HEADERS } from '../../functions/platform/http/security-headers';
import { onDemandPathPatterns } from '../../functions/platform/routes/pages';
import { FORWARD_HOST_FUNCTION, STATIC_INDEX_FUNCTION } from './edge-functions';
import { LAMBDA_FUNCTIONS, REPO_ROOT, type LambdaFunctionSpec } from './lambda-functions';

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
}

export class StatelessStack extends Stack {
  readonly functions: Record<string, lambda.Function> = {};
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(logBucket, [
      { id: 'AwsSolutions-S1', reason: 'This is the access log bucket itself; logging it to itself would loop.' },
    ]);

    for (const spec of LAMBDA_FUNCTIONS) this.functions[spec.id] = this.createFunction(spec, props);
    const publicApi = this.functions['public-api']!;
    const site = this.functions.site!;
    const safetyNet = this.functions['safety-net']!;
    const notifier = this.functions.notifier!;
    grantTableAccess(publicApi, props.table, 'read-write');
    grantTableAccess(site, props.table, 'read-write'); // residents ask, reply and erase through forms
    grantTableAccess(safetyNet, props.table, 'read-write');
    grantTableAccess(notifier, props.table, 'read');
    for (const fn of [site, notifier]) {
      props.linkSigningKey.grantRead(fn);
      fn.addEnvironment('LINK_SIGNING_SECRET_ARN', props.linkSigningKey.secretArn);
    }

    // The safety net sweeps every five minutes; a sweep is idempotent, so an overlapping run is harmless.
    new events.Rule(this, 'SafetyNetSchedule', {
      description: 'Wijkloket: move requests whose deadline passed one step up the ladder',
      schedule: events.Schedule.rate(Duration.minutes(SWEEP_EVERY_MINUTES)),
      targets: [new eventTargets.LambdaFunction(safetyNet, { retryAttempts: 2 })],
    });
    // Volunteers' daily digest of non-urgent offers, in the morning (07:00 UTC).
    new events.Rule(this, 'DailyDigestSchedule', {
      description: 'Wijkloket: one e-mail per volunteer with the day’s non-urgent offers',
      schedule: events.Schedule.cron({ minute: '0', hour: String(DIGEST_HOUR_UTC) }),
      targets: [new eventTargets.LambdaFunction(safetyNet, { retryAttempts: 2, event: events.RuleTargetInput.fromObject({ digest: true }) })],
    });

    // The outbox: every new OUTBOX item reaches the notifier through the table's stream.
    this.subscribeToStream(notifier, props.table, 'NotificationsDeadLetters', 10, {
      Keys: { [TABLE.partitionKey.name]: { S: lambda.FilterRule.isEqual(keys.outboxPartition) } },
    });
    // Deferred matching: a new request waiting for its first offer reaches the safety net at once
    // (the sweep matches whatever lands in the dead-letter queue anyway).
    this.subscribeToStream(safetyNet, props.table, 'MatchingDeadLetters', 3, {
      Keys: { [TABLE.sortKey.name]: { S: lambda.FilterRule.isEqual(keys.requestHead('x').sk) } },
      NewImage: { due: { M: { kind: { S: lambda.FilterRule.isEqual('match') } } } },
    });

    const senderDomain = props.senderEmail.split('@')[1]!;
    notifier.addEnvironment('SENDER_EMAIL', props.senderEmail);
    notifier.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [`arn:${this.partition}:ses:${this.region}:${this.account}:identity/${senderDomain}`],
      }),
    );

    // HTTP API: /api/* to the public API, everything else (on-demand pages, 404) to the site function.
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Wijkloket: public API and on-demand pages, behind CloudFront',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('SiteIntegration', site),
    });
    httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('PublicApiIntegration', publicApi),
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.apiRateLimit ?? 50, burstLimit: (props.apiRateLimit ?? 50) * 2 },
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
    acknowledge(httpApi,
      [
        {
          id: 'AwsSolutions-APIG4',
          reason: 'Public civic API and pages: residents ask for help without an account. Staff routes get their own authorizer in their issue.',
        },
      ],
    );

    // The prerendered site in a private bucket, read by CloudFront only (origin access control).
    const siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const apiDomain = `${httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    const apiOrigin = new origins.HttpOrigin(apiDomain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY });
    const siteHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: 'Wijkloket security headers for pages (same table as the local server)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: SITE_CSP, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: SITE_SECURITY_HEADERS['Permissions-Policy'], override: true },
          { header: 'Cross-Origin-Opener-Policy', value: SITE_SECURITY_HEADERS['Cross-Origin-Opener-Policy'], override: true },
        ],
      },
    });
    const staticIndex = new cloudfront.Function(this, 'StaticIndexFunction', {
      code: cloudfront.FunctionCode.fromInline(STATIC_INDEX_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve /path/ as /path/index.html from S3',
    });
    const forwardHost = new cloudfront.Function(this, 'ForwardHostFunction', {
      code: cloudfront.FunctionCode.fromInline(FORWARD_HOST_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Pass the viewer host to the functions as X-Forwarded-Host',
    });
    const toFunctions: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: siteHeaders,
      functionAssociations: [{ function: forwardHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Wijkloket: site and API on one origin',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        // A path that is not in the bucket falls through to the site function, which renders the 404 page.
        origin: new origins.OriginGroup({
          primaryOrigin: origins.S3BucketOrigin.withOriginAccessControl(siteBucket),
          fallbackOrigin: apiOrigin,
          fallbackStatusCodes: [403, 404],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: siteHeaders,
        functionAssociations: [{ function: staticIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': toFunctions,
        ...Object.fromEntries(onDemandPathPatterns().map((pattern) => [pattern, toFunctions])),
      },
    });
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: residents abroad (for example caring for a parent in Zaanstad) may ask for help.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront serves its default certificate, whose TLS policy cannot be chosen. The production domain and certificate set TLSv1.2_2021.',
      },
    ]);

    new s3deploy.BucketDeployment(this, 'DeploySite', {
      sources: [s3deploy.Source.asset(join(REPO_ROOT, 'site/dist/client'))],
      destinationBucket: siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // Findings on the custom resource function that CDK itself adds for the bucket deployment.
    const cdkAssetBucket = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}/*`;
    acknowledge(this, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The bucket deployment custom resource of CDK uses the basic execution role; CDK owns that role.',
      },
      ...['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', 'Resource::*', `Resource::${cdkAssetBucket}`, 'Resource::<SiteBucket397A1860.Arn>/*'].map(
        (finding) => ({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason: 'CDK generates these statements for its bucket deployment: it copies the site from the asset bucket into the site bucket and removes stale files.',
        }),
      ),
      {
        id: 'AwsSolutions-L1',
        reason: 'Our functions run Node.js 22, the exact version the project is built and tested on locally and in CI (see docs/decisions/0001); the bucket deployment function of CDK chooses its own runtime.',
      },
    ]);

    // The receipt e-mail links to the status lookup on the site.
    notifier.addEnvironment('SITE_URL', `https://${this.distribution.distributionDomainName}`);

    this.addAlarms(httpApi);

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.distribution.distributionDomainName}/` });
    new CfnOutput(this, 'HttpApiEndpoint', { value: httpApi.apiEndpoint });
  }

  /**
   * Inserted items matching `match` (the stream record's `dynamodb` part) reach `fn` through the table's stream. Failures retry (partial batch
   * failures, bisecting); what still fails lands in a dead-letter queue instead of disappearing.
   */
  private subscribeToStream(fn: lambda.Function, table: dynamodb.ITableV2, dlqId: string, retryAttempts: number, match: Record<string, unknown>): void {
    const deadLetters = new sqs.Queue(this, dlqId, {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(deadLetters, [{ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue (of a stream subscription); it needs none of its own.' }]);
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT'), dynamodb: match })],
      }),
    );
  }

  private createFunction(spec: LambdaFunctionSpec, props: StatelessStackProps): lambda.Function {
    const role = new iam.Role(this, `${spec.id}-role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${spec.id}`,
    });
    const logGroup = new logs.LogGroup(this, `${spec.id}-logs`, { retention: logs.RetentionDays.THREE_MONTHS });
    // Only its own log group, instead of the managed AWSLambdaBasicExecutionRole policy on all groups.
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    const fn = new lambda.Function(this, spec.id, {
      code: bundledCode(spec),
      handler: 'index.handler',
      description: spec.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memorySize,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        TABLE_NAME: props.table.tableName,
        MUNICIPALITY: props.municipality ?? DEFAULT_MUNICIPALITY,
        POWERTOOLS_SERVICE_NAME: `wijkloket-${spec.id}`,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    acknowledge(role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'X-Ray tracing needs xray:PutTraceSegments on "*", and table grants include its indexes ("<table>/index/*"); both generated by CDK.',
        },
      ],
    );
    return fn;
  }

  private addAlarms(httpApi: apigw.HttpApi): void {
    for (const [id, fn] of Object.entries(this.functions)) {
      new cloudwatch.Alarm(this, `${id}-errors`, {
        alarmDescription: `Wijkloket ${id}: the function threw errors`,
        metric: fn.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
    new cloudwatch.Alarm(this, 'api-5xx', {
      alarmDescription: 'Wijkloket HTTP API answered 5xx: residents may not reach help',
      metric: httpApi.metricServerError({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}

/** cdk-nag findings this stack accepts, each with the reason why (cdk-nag 3 uses CDK's Validations). */
function acknowledge(scope: Construct, findings: { id: string; reason: string }[]): void {
  for (const finding of findings) Validations.of(scope).acknowledge(finding);
}

const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
};

/** Table access on the table and its named indexes only: no Scan, no "index/*" wildcard. */
function grantTableAccess(fn: lambda.IFunction, table: dynamodb.ITableV2, access: 'read' | 'read-write'): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: access === 'read' ? TABLE_ACTIONS.read : [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write],
      resources: [table.tableArn, ...TABLE.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)],
    }),
  );
}

/**
 * The function's code, bundled on this machine by infra/build/bundle-functions.ts (esbuild, no Docker):
 * the same script the benchmark measures. The asset hash is taken from the bundle, not the sources.
 */
function bundledCode(spec: LambdaFunctionSpec): lambda.Code {
  return lambda.Code.fromAsset(join(REPO_ROOT, 'functions'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws. CDK requires an image to be named.
      image: DockerImage.fromRegistry('local-bundling-only'),
      // Part of CDK's bundling cache key: without it every function would get the first function's bundle.
      command: ['bundle-functions', spec.id],
      local: {
        tryBundle(outputDir: string) {
          const result = spawnSync(
            process.execPath,
            ['--import', 'tsx', join(REPO_ROOT, 'infra/build/bundle-functions.ts'), spec.id, outputDir],
            { cwd: REPO_ROOT, stdio: 'inherit' },
          );
          if (result.status !== 0) throw new Error(`bundling ${spec.id} failed (exit ${result.status})`);
          return true;
        },
      },
    },
  });
}
