// Starts the whole platform (site, API, DynamoDB Local, demo data) on free ports for the e2e project.
import type { TestProject } from 'vitest/node';
import { startPlatform } from '../../infra/local/platform';

export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= 'WARN'; // keep test output readable
  // The tests post many forms from one address; the rate limits have their own tests.
  const platform = await startPlatform({ port: 0, rateLimits: { apiRequestsPerMinute: 100_000, sitePostsPerMinute: 100_000 } });
  project.provide('platformUrl', platform.url);
  project.provide('staffUrl', platform.staffUrl);
  project.provide('platformStore', { endpoint: platform.dynamoDbEndpoint, tableName: platform.tableName });
  return () => platform.stop();
}
