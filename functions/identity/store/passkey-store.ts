// Staff members' passkeys on DynamoDB: each in the member's partition, an owner item per credential id (so an
// id is registered once, to one person), and the enrolment state. Only public keys and counters are kept.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../kernel/errors';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Key, Repository } from '../../platform/dynamodb/repository';
import type { Accounts, Passkeys } from '../app/ports';
import type { Passkey, PasskeyState } from '../domain/passkey';

export class PasskeyStore implements Passkeys {
  constructor(
    private readonly repo: Repository,
    private readonly accounts: Pick<Accounts, 'revokeAll' | 'staffMember'>,
  ) {}

  async passkeys(staffId: string): Promise<Passkey[]> {
    const items = await this.repo.queryPartition<Item & Passkey>(keys.staff(staffId).pk, keys.passkeyPrefix);
    return items.map(({ credentialId, publicKey, counter, transports, createdAt, lastUsedAt }) => ({
      credentialId,
      publicKey,
      counter,
      ...(transports ? { transports } : {}),
      createdAt,
      ...(lastUsedAt ? { lastUsedAt } : {}),
    }));
  }

  async passkeyState(staffId: string): Promise<PasskeyState> {
    const item = await this.repo.get<Item & PasskeyState>(keys.passkeyState(staffId));
    return { everEnrolled: item?.everEnrolled === true, ...(item?.recoveryPermittedBy ? { recoveryPermittedBy: item.recoveryPermittedBy } : {}) };
  }

  async ownerOf(credentialId: string): Promise<string | undefined> {
    return (await this.repo.get<Item & { staffId: string }>(keys.passkeyOwner(credentialId)))?.staffId;
  }

  /** The passkey, its owner item (only if the id is new) and the state "enrolled, no permit" in one transaction. */
  async addPasskey(staffId: string, passkey: Passkey): Promise<void> {
    const table = this.repo.tableName;
    try {
      await this.repo.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: { ...keys.passkeyOwner(passkey.credentialId), type: 'passkey-owner', staffId },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: table, Item: { ...keys.passkey(staffId, passkey.credentialId), type: 'passkey', ...passkey } } },
            { Put: { TableName: table, Item: { ...keys.passkeyState(staffId), type: 'passkey-state', everEnrolled: true } } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new DomainError('invalid-request', 'this passkey is registered already');
      throw error;
    }
  }

  async usePasskey(staffId: string, credentialId: string, counter: number, at: string): Promise<void> {
    await this.repo.client.send(
      new UpdateCommand({
        TableName: this.repo.tableName,
        Key: keys.passkey(staffId, credentialId),
        UpdateExpression: 'SET #counter = :counter, lastUsedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#counter': 'counter' },
        ExpressionAttributeValues: { ':counter': counter, ':at': at },
      }),
    );
  }

  async removePasskey(staffId: string, credentialId: string): Promise<void> {
    await this.deleteAll([keys.passkey(staffId, credentialId), keys.passkeyOwner(credentialId)]);
  }

  /** Every passkey goes, one new enrolment is permitted, and every session of the member ends. */
  async permitRecovery(staffId: string, by: string): Promise<void> {
    const current = await this.passkeys(staffId);
    await this.deleteAll(current.flatMap((p) => [keys.passkey(staffId, p.credentialId), keys.passkeyOwner(p.credentialId)]));
    await this.repo.putMany([{ ...keys.passkeyState(staffId), type: 'passkey-state', everEnrolled: true, recoveryPermittedBy: by }]);
    const member = await this.accounts.staffMember(staffId);
    if (member) await this.accounts.revokeAll({ kind: 'staff', id: staffId, role: member.role });
  }

  private async deleteAll(itemKeys: Key[]): Promise<void> {
    for (let i = 0; i < itemKeys.length; i += 25) {
      await this.repo.client.send(
        new TransactWriteCommand({ TransactItems: itemKeys.slice(i, i + 25).map((Key) => ({ Delete: { TableName: this.repo.tableName, Key } })) }),
      );
    }
  }
}
