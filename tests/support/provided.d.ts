import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local endpoint started by the integration project's global setup. */
    dynamoDbEndpoint: string;
    /** Base URL of the whole local platform started by the e2e project's global setup. */
    platformUrl: string;
    /** The same platform by host name (http://localhost:port): staff pages, where passkeys work. */
    staffUrl: string;
    /** The e2e platform's store, so a test can act as a volunteer or the team where no page exists yet. */
    platformStore: { endpoint: string; tableName: string };
  }
}
