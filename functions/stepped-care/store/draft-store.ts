// Drafts of the step-by-step form on DynamoDB: one item per draft, by the hash of its id, with a TTL (the
// application also checks the time itself, as TTL removes items up to two days late).
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Repository } from '../../platform/dynamodb/repository';
import type { DraftStore, StoredDraft } from '../app/ports';

export class DynamoDraftStore implements DraftStore {
  constructor(private readonly repo: Repository) {}

  async read(idHash: string): Promise<StoredDraft | undefined> {
    const item = await this.repo.get<StoredDraft & Item>(keys.intakeDraft(idHash));
    if (!item) return undefined;
    return { answers: item.answers, formKey: item.formKey, ...(item.sent ? { sent: true as const } : {}), expiresAt: item.expiresAt * 1000 };
  }

  async write(idHash: string, draft: StoredDraft): Promise<void> {
    const item = {
      ...keys.intakeDraft(idHash),
      type: 'intake-draft',
      answers: draft.answers,
      formKey: draft.formKey,
      ...(draft.sent ? { sent: true } : {}),
      expiresAt: Math.ceil(draft.expiresAt / 1000),
    };
    await this.repo.client.send(new PutCommand({ TableName: this.repo.tableName, Item: item }));
  }

  async remove(idHash: string): Promise<void> {
    await this.repo.client.send(new DeleteCommand({ TableName: this.repo.tableName, Key: keys.intakeDraft(idHash) }));
  }
}
