// The district team's desk on the in-memory adapters: its rules without Java.
import { teamBehaviour } from '../behaviour/team';
import { deskInMemory } from '../support/memory';

teamBehaviour('in-memory adapters', deskInMemory);
