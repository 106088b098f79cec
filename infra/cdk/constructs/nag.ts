// cdk-nag findings a construct accepts, each with the reason why (cdk-nag 3 uses CDK's Validations).
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, findings: { id: string; reason: string }[]): void {
  for (const finding of findings) Validations.of(scope).acknowledge(finding);
}
