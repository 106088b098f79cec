// The district team's desk on DynamoDB Local: the queue index, the transactions and the audit trail for real.
import { teamBehaviour } from '../behaviour/team';
import { deskOnFreshTable } from '../support/engine';

teamBehaviour('DynamoDB Local', deskOnFreshTable);
