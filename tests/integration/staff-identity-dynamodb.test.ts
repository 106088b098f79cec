// Staff identity (sessions, passkeys, recovery) on DynamoDB Local: conditional writes and TTL'd sessions for real.
import { staffIdentityBehaviour } from '../behaviour/staff-identity';
import { deskOnFreshTable } from '../support/engine';

staffIdentityBehaviour('DynamoDB Local', deskOnFreshTable);
