import { createLogger } from '../../functions/platform/http/logger';

/** A Powertools logger that prints nothing, for tests. */
export function silentLogger() {
  process.env.LOG_LEVEL = 'SILENT';
  return createLogger('test');
}
