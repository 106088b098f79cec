// The engine's scenarios on the in-memory adapters: its rules without Java.
import { engineBehaviour } from '../behaviour/engine';
import { engineInMemory } from '../support/memory';

engineBehaviour('in-memory adapters', engineInMemory);
