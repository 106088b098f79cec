// The edge security stack: AWS WAF in front of CloudFront. A web ACL for CloudFront must live in us-east-1,
// so this small stack deploys there and the stateless stack refers to it across regions.
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { t } from '../../functions/platform/i18n/messages';

/** Per client IP per five minutes (WAF's window). Forms are posted by hand: a hundred is plenty for a person. */
export const WAF_LIMITS = { postsPerFiveMinutes: 100, requestsPerFiveMinutes: 2000 } as const;

const RATE_LIMITED_BODY = 'rate-limited';

/** The friendly page WAF answers with, in both languages: the same words as the in-app limit. */
function rateLimitedPage(): string {
  const part = (locale: 'nl' | 'en') =>
    `<section lang="${locale}"><h${locale === 'nl' ? 1 : 2}>${t(locale, 'problem.rate-limited.title')}</h${locale === 'nl' ? 1 : 2}><p>${t(locale, 'problem.rate-limited.detail')}</p></section>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('nl', 'problem.rate-limited.title')}</title></head><body><main>${part('nl')}${part('en')}</main></body></html>`;
}

export class EdgeSecurityStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true });
    const tooMany = {
      block: {
        customResponse: { responseCode: 429, customResponseBodyKey: RATE_LIMITED_BODY, responseHeaders: [{ name: 'Retry-After', value: '300' }] },
      },
    };
    const rateRule = (name: string, priority: number, limit: number, onlyPosts: boolean): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: tooMany,
      visibilityConfig: visibility(name),
      statement: {
        rateBasedStatement: {
          limit,
          aggregateKeyType: 'IP',
          evaluationWindowSec: 300,
          ...(onlyPosts
            ? {
                scopeDownStatement: {
                  byteMatchStatement: {
                    fieldToMatch: { method: {} },
                    positionalConstraint: 'EXACTLY',
                    searchString: 'POST',
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
              }
            : {}),
        },
      },
    });
    const managed = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      visibilityConfig: visibility(name),
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    });
    const acl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Wijkloket: rate limits per client and known-bad inputs, in front of CloudFront',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('wijkloket'),
      customResponseBodies: { [RATE_LIMITED_BODY]: { contentType: 'TEXT_HTML', content: rateLimitedPage() } },
      // Not the common rule set: its body-size and cross-site-scripting rules would block residents whose
      // text contains markup, which the platform stores as text and never renders as HTML.
      rules: [
        rateRule('FormPostsPerClient', 0, WAF_LIMITS.postsPerFiveMinutes, true),
        rateRule('RequestsPerClient', 1, WAF_LIMITS.requestsPerFiveMinutes, false),
        managed('AWSManagedRulesAmazonIpReputationList', 2),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
