// The CDK app: `npm run synth` writes CloudFormation to cdk.out/ without AWS credentials;
// `npm run deploy` deploys both stacks to the account and region of your AWS profile.
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { validateMunicipalities } from '../../functions/platform/config/municipality';
import { EdgeSecurityStack } from './edge-security-stack';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export function buildApp(app = new App()) {
  validateMunicipalities(); // a broken municipality file must never reach a deployment

  // The region is fixed in cdk.json, not taken from a profile: residents' data stays in the EU.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: app.node.getContext('region') as string };
  const stateful = new StatefulStack(app, 'Wijkloket-Stateful', {
    env,
    description: 'Wijkloket: data that outlives deployments (DynamoDB table, referral link key)',
    terminationProtection: true,
  });
  // CloudFront's web ACL must be in us-east-1; it holds rules only, no residents' data.
  const edge = new EdgeSecurityStack(app, 'Wijkloket-EdgeSecurity', {
    env: { account: env.account, region: 'us-east-1' },
    description: 'Wijkloket: AWS WAF for CloudFront (rate limits per client)',
  });
  const stateless = new StatelessStack(app, 'Wijkloket-Stateless', {
    env,
    crossRegionReferences: true,
    webAclArn: edge.webAclArn,
    description: 'Wijkloket: functions, HTTP API, site bucket and CloudFront',
    table: stateful.table,
    linkSigningKey: stateful.linkSigningKey,
    statusTokenKey: stateful.statusTokenKey,
    municipality: app.node.tryGetContext('municipality'),
    senderEmail: app.node.getContext('senderEmail') as string,
  });
  Tags.of(app).add('project', 'wijkloket');
  // cdk-nag's AWS Solutions rules run on every synth; an unacknowledged finding fails the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless, edge };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
