// Real CDK synthesis of both stacks (without bundling the functions: see beforeAll), checked with CDK assertions
// and with cdk-nag's AWS Solutions rules, which run as a CDK validation plugin on every synth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_CSP, SITE_SECURITY_HEADERS } from '../../functions/platform/http/security-headers';
import { TABLE } from '../../functions/platform/dynamodb/table-definition';
import { onDemandPathPatterns } from '../../functions/platform/routes/pages';
import { buildApp } from '../../infra/cdk/app';
import { WAF_LIMITS } from '../../infra/cdk/edge-security-stack';
import { LAMBDA_FUNCTIONS } from '../../infra/cdk/lambda-functions';

const ROOT = join(import.meta.dirname, '../..');
const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

let stateful: Template;
let stateless: Template;
let edge: Template;
let edgeRegion: string;
let app: App;

beforeAll(() => {
  // Assertions need the templates, not the bundles: bundling is skipped here (tests/integration/lambda-handlers
  // bundles every function exactly as CDK does, and invokes the bundles).
  const built = buildApp(new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }));
  app = built.app;
  const { stateful: a, stateless: b, edge: c } = built;
  edgeRegion = c.region;
  // A full synth otherwise: it runs the validation plugins (cdk-nag) like `npm run synth`.
  app.synth();
  stateful = Template.fromStack(a);
  stateless = Template.fromStack(b);
  edge = Template.fromStack(c);
}, 180_000);

describe('edge security stack', () => {
  it('puts an AWS WAF web ACL with per-client rate rules in us-east-1, answering 429 with a friendly page', () => {
    expect(edgeRegion).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'FormPostsPerClient',
          Action: { Block: { CustomResponse: Match.objectLike({ ResponseCode: 429 }) } },
          Statement: {
            RateBasedStatement: Match.objectLike({
              Limit: WAF_LIMITS.postsPerFiveMinutes,
              AggregateKeyType: 'IP',
              ScopeDownStatement: { ByteMatchStatement: Match.objectLike({ SearchString: 'POST' }) },
            }),
          },
        }),
        Match.objectLike({ Name: 'RequestsPerClient' }),
      ]),
    });
    const acl = Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as {
      Properties: { CustomResponseBodies: Record<string, { Content: string }> };
    };
    const page = acl.Properties.CustomResponseBodies['rate-limited']!.Content;
    expect(page).toContain('Even wachten, alstublieft');
    expect(page).toContain('Please wait a moment');
  });

  it('is attached to the CloudFront distribution', () => {
    const distribution = Object.values(stateless.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: { WebACLId?: unknown } };
    };
    expect(distribution.Properties.DistributionConfig.WebACLId).toBeDefined();
  });
});

describe('stateful stack', () => {
  it('has the table from the shared definition, protected and retained', () => {
    stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE.globalSecondaryIndexes.map((index) =>
          Match.objectLike({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
          }),
        ),
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
        SSESpecification: Match.objectLike({ SSEEnabled: true }),
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('referral link key', () => {
  it('is a generated secret in the stateful stack that outlives deployments, as is the status link key', () => {
    stateful.resourceCountIs('AWS::SecretsManager::Secret', 2);
    const secrets = Object.values(stateful.findResources('AWS::SecretsManager::Secret')) as {
      DeletionPolicy: string;
      Properties: { Description: string; GenerateSecretString: { PasswordLength: number } };
    }[];
    expect(secrets.map((s) => [s.DeletionPolicy, s.Properties.GenerateSecretString.PasswordLength])).toEqual([
      ['Retain', 64],
      ['Retain', 64],
    ]);
    expect(secrets.map((s) => s.Properties.Description).join(' ')).toMatch(/referral links.*status link/);
  });

  it('is readable by the site (checks links) and the notifier (signs them), and by no other function', () => {
    const functions = stateless.findResources('AWS::Lambda::Function') as Record<
      string,
      { Properties: { Description?: string; Environment?: { Variables: Record<string, unknown> } } }
    >;
    const withKey = Object.values(functions)
      .filter((f) => 'LINK_SIGNING_SECRET_ARN' in (f.Properties.Environment?.Variables ?? {}))
      .map((f) => f.Properties.Description)
      .sort();
    const expected = LAMBDA_FUNCTIONS.filter((f) => f.id === 'site' || f.id === 'notifier')
      .map((f) => f.description)
      .sort();
    expect(withKey).toEqual(expected);
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const readers = policies.filter((p) =>
      p.Properties.PolicyDocument.Statement.some((st) => [st.Action].flat().includes('secretsmanager:GetSecretValue')),
    );
    // Site and notifier read the link key; site and API the status link key: three functions' policies.
    expect(readers).toHaveLength(3);
    const withStatusKey = Object.values(functions)
      .filter((f) => 'STATUS_TOKEN_SECRET_ARN' in (f.Properties.Environment?.Variables ?? {}))
      .map((f) => f.Properties.Description)
      .sort();
    expect(withStatusKey).toEqual(
      LAMBDA_FUNCTIONS.filter((f) => f.id === 'site' || f.id === 'public-api')
        .map((f) => f.description)
        .sort(),
    );
  });
});

describe('stateless stack', () => {
  it('has one arm64 Node.js 22 function per app with 512 MB or more, bundled locally', () => {
    for (const spec of LAMBDA_FUNCTIONS) {
      expect(spec.memorySize).toBeGreaterThanOrEqual(512);
      stateless.hasResourceProperties('AWS::Lambda::Function', {
        Description: spec.description,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: spec.memorySize,
        Handler: 'index.handler',
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), MUNICIPALITY: 'zaanstad' }) },
      });
    }
  });

  it('gives functions no Scan and no wildcard on the table', () => {
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const actions = policies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()));
    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:*');
  });

  it('routes /api/* to the public API and everything else to the site function', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }),
    });
  });

  it('puts CloudFront in front of a private bucket and the API on one origin', () => {
    stateless.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    stateless.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const distribution = Object.values(stateless.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: {
        DistributionConfig: {
          CacheBehaviors: { PathPattern: string; AllowedMethods: string[] }[];
          OriginGroups: unknown;
          DefaultCacheBehavior: { ViewerProtocolPolicy: string };
        };
      };
    };
    const config = distribution.Properties.DistributionConfig;
    const patterns = config.CacheBehaviors.map((b) => b.PathPattern).sort();
    expect(patterns).toEqual(['/api/*', ...onDemandPathPatterns()].sort());
    for (const behavior of config.CacheBehaviors) expect(behavior.AllowedMethods).toContain('POST');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.OriginGroups).toBeDefined();
  });

  it('sends HSTS, the same CSP as the local server, and friends', () => {
    stateless.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: SITE_CSP, Override: true },
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: SITE_SECURITY_HEADERS['Referrer-Policy'], Override: true },
        }),
      }),
    });
  });

  it('runs the safety net every five minutes and sends the outbox from the table stream', () => {
    stateless.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
    stateless.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      Targets: [Match.objectLike({ Input: JSON.stringify({ digest: true }) })],
    });
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'LATEST',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: ['OUTBOX'] } } } }) }] },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    stateless.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ses:SendEmail' })]) },
    });
  });

  it('has alarms for function errors and API 5xx', () => {
    stateless.resourceCountIs('AWS::CloudWatch::Alarm', LAMBDA_FUNCTIONS.length + 1);
  });
});

describe('cdk-nag AWS Solutions', () => {
  it('finds zero unacknowledged findings in both stacks', () => {
    const result = new AwsSolutionsChecks(app, { verbose: true }).validateScope(app);
    const findings = result.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });

  it('would catch a finding (the check is live)', () => {
    const probe = new App();
    const stack = new Stack(probe, 'Probe');
    new s3.Bucket(stack, 'Unlogged');
    const result = new AwsSolutionsChecks(probe).validateScope(probe);
    expect(result.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('every acknowledged finding has a written reason', () => {
    const acknowledged: [string, string][] = [];
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          acknowledged.push(...Object.entries(entry.data as Record<string, string>));
        }
      }
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledged) expect(reason.length, id).toBeGreaterThan(30);
  });
});
