// The single source of truth for Wijkloket's one DynamoDB table: key schema, indexes and TTL attribute.
// The CDK stateful stack and the local DynamoDB setup both read this object; nothing else names keys.
//
// Access patterns (see docs/decisions/0004-single-table-design.md):
//   MUNI#<id>          / PROFILE              the municipality profile (team, crisis lines)
//   MUNI#<id>          / DISTRICT#<district>  districts of a municipality (Query by pk, begins_with)
//   POSTCODE#<pc4>     / MUNI#<id>            postcode area -> district (GetItem)
//   VOLUNTEER#<id>     / PROFILE              a volunteer; gsi1: DISTRICT#<d>#VOLUNTEERS / <status>#<id>
//   INITIATIVE#<id>    / PROFILE              an initiative; gsi1: DISTRICT#<d>#INITIATIVES / <id>
//   STAFF#<id>         / PROFILE              a professional, team lead or coordinator
//   REQUEST#<id>       / HEAD, EVENT#<seq>    a request's anonymous projection and event log; gsi1: DUE / <at>#<kind>#<id>
//   REQUEST#<id>       / PERSONAL, MESSAGE#<at>, TOKEN#<hash>  the resident's erasable data; gsi1: RETENTION / <until>#<id>#<sk>
//   REQUEST#<id>       / AUDIT#<at>#<id>      who saw or changed personal data
//   REQUEST#<id>       / FEED                 the card volunteers see (redacted); gsi2: OPEN#<district> / <urgency>#<at>#<id> while open
//   REQUEST#<id>       / HEAD                 also gsi3: TEAM#<district> / <crisis>#<deadline>#<since>#<id> while the team has it
//   REQUEST#<id>       / PERSONAL             also gsi2: CONTACT#<hash> / <at>#<id>: earlier requests of one contact
//   REQUEST#<id>       / CONCERN#<volunteer>  a volunteer's concern; gsi1: CONCERNS#<district> / <at>#<id>
//   REFERENCE#<code>   / REQUEST              reference code -> request (erasable)
//   STATUS#<hash>      / TOKEN                status-token hash -> request (erasable)
//   DRAFT#<hash>       / DRAFT                an unfinished request (the form's answers), gone after 2 hours (TTL)
//   IDEMPOTENCY#<hash> / REQUEST              intake idempotency key -> request
//   OUTBOX             / <at>#<id>            notifications to send (stream -> notifier)
import type { AttributeDefinition, CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export const TABLE = {
  /** Logical name; the deployed physical name comes from CloudFormation and reaches functions as TABLE_NAME. */
  baseName: 'wijkloket',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    // The volunteers' feed: open requests per district, most urgent and longest waiting first.
    { indexName: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
    // The district team's queue: requests the team has per district, crisis first, then by deadline.
    { indexName: 'gsi3', partitionKey: { name: 'gsi3pk', type: 'S' }, sortKey: { name: 'gsi3sk', type: 'S' } },
  ],
} as const satisfies {
  baseName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  timeToLiveAttribute: string;
  globalSecondaryIndexes: readonly IndexDefinition[];
};

export type IndexName = (typeof TABLE.globalSecondaryIndexes)[number]['indexName'];

/** The same definition as a CreateTable request, for DynamoDB Local and tests. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keys: KeyAttribute[] = [
    TABLE.partitionKey,
    TABLE.sortKey,
    ...TABLE.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const attributeDefinitions: AttributeDefinition[] = [...new Map(keys.map((k) => [k.name, k])).values()].map((k) => ({
    AttributeName: k.name,
    AttributeType: k.type,
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions,
    KeySchema: [
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
