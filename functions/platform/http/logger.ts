// Structured JSON logging through Powertools Logger, in Lambda and locally alike.
// Rule: log what happened (route pattern, status, timing, ids), never who or what was asked: no bodies,
// no query strings, no postcodes, no e-mail addresses.
import { Logger } from '@aws-lambda-powertools/logger';

export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName,
    logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
  });
}
