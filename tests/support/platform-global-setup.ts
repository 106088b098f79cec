// Starts the whole platform (site, API, DynamoDB Local, demo data) on free ports for the e2e project.
import type { TestProject } from 'vitest/node';
import { startPlatform } from '../../infra/local/platform';

export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= 'WARN'; // keep test output readable
  const platform = await startPlatform({ port: 0 });
  project.provide('platformUrl', platform.url);
  return () => platform.stop();
}
