// The ports' behaviour suite on the in-memory adapters (the same suite runs on DynamoDB Local in
// tests/integration/ports-dynamodb.test.ts).
import { memoryServices } from '../../functions/apps/wiring/memory';
import { portBehaviour } from '../behaviour/ports';

portBehaviour('in-memory adapters', async () => memoryServices());
