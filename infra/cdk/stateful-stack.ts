// The stateful stack: what holds data and must outlive every deployment. Deleting this stack keeps the table
// and the key that signs initiatives' referral links (a new key would break every link already mailed).
import { RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE, type KeyAttribute } from '../../functions/platform/dynamodb/table-definition';

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

export class StatefulStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly linkSigningKey: secretsmanager.Secret;
  readonly statusTokenKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(TABLE.partitionKey),
      sortKey: attribute(TABLE.sortKey),
      globalSecondaryIndexes: TABLE.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
      })),
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Streams feed the notification and safety-net functions of later issues.
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });

    this.linkSigningKey = this.hmacKey(
      'LinkSigningKey',
      'Wijkloket: HMAC key that signs the referral links mailed to citizen initiatives',
      'Rotating this key would void every referral link already mailed (they work 30 days). It is rotated by hand when needed (see README, "Referral link key"): new value, and the initiatives of open referrals are mailed again.',
    );
    this.statusTokenKey = this.hmacKey(
      'StatusTokenKey',
      "Wijkloket: HMAC key that makes a resident's private status link from their form's idempotency key",
      'The key only derives the status link of a retried form; links already given are stored as hashes and keep working after a rotation. Rotating by hand means only that a retry across the rotation gets a new link.',
    );
  }

  /** A server secret for HMAC, kept when the stack goes, rotated by hand for the reason given (cdk-nag SMG4). */
  private hmacKey(id: string, description: string, whyNotRotated: string): secretsmanager.Secret {
    const key = new secretsmanager.Secret(this, id, {
      description,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(key).acknowledge({ id: 'AwsSolutions-SMG4', reason: whyNotRotated });
    return key;
  }
}
