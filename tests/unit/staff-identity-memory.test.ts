// Staff identity (sessions, passkeys, recovery) on the in-memory adapters.
import { staffIdentityBehaviour } from '../behaviour/staff-identity';
import { deskInMemory } from '../support/memory';

staffIdentityBehaviour('in-memory adapters', deskInMemory);
