import type { Logger } from '@aws-lambda-powertools/logger';
import type { Municipality } from '../../kernel/municipality';
import type { ClientAddress } from '../../platform/http/rate-limit';
import type { ResidentDesk } from '../../stepped-care/app/resident-desk';
import type { Repository } from '../../platform/dynamodb/repository';

/** What the public API's routes need from the outside world; built once per process. */
export interface PublicApiDeps {
  repo: Repository;
  municipality: Municipality;
  logger: Logger;
  version: string;
  desk: ResidentDesk;
  /** Per client per minute (in-app; the WAF rule on CloudFront in AWS). */
  requestsPerMinute?: number | undefined;
  /** How clients are told apart for that limit (see functions/platform/http/rate-limit.ts). */
  clientAddress?: ClientAddress;
}
