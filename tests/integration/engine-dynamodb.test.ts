// The engine's scenarios on DynamoDB Local: the same rules through the real adapters and transactions.
import { engineBehaviour } from '../behaviour/engine';
import { engineOnFreshTable } from '../support/engine';

engineBehaviour('DynamoDB Local', engineOnFreshTable);
