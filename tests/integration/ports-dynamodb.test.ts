// The ports' behaviour suite on the DynamoDB adapters against DynamoDB Local (the same suite runs on the
// in-memory adapters in tests/unit/ports-memory.test.ts).
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { TEST_KEYS } from '../support/fixtures';
import { servicesOn } from '../../functions/apps/wiring/services';
import { AccountStore } from '../../functions/identity/store/account-store';
import { InitiativeStore } from '../../functions/initiatives/store/directory-store';
import { addressBookOn } from '../../functions/platform/dynamodb/address-book';
import { portBehaviour } from '../behaviour/ports';
import { freshRepository } from '../support/store';

portBehaviour('DynamoDB Local', async () => {
  const repo = await freshRepository();
  const services = servicesOn(repo, 'zaanstad', TEST_KEYS);
  await seedMunicipality(repo, services.municipality);
  return {
    ...services,
    register: new InitiativeStore(repo, services.municipality),
    accounts: new AccountStore(repo),
    addressBook: addressBookOn(repo),
  };
});
