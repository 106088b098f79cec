// The safety net in AWS: an EventBridge schedule runs one sweep every few minutes. Each sweep moves every
// request whose deadline passed one step up the ladder; running two at once is safe (see engine.sweep).
// The same run removes residents' personal data past its retention moment (DynamoDB's TTL may lag days).
import { createServices } from '../../engine/create-engine';
import { createLogger } from '../../http/logger';
import { storeConfigFromEnv } from '../../store/client';

const logger = createLogger('wijkloket-safety-net');
const { engine, desk } = createServices(storeConfigFromEnv());

export async function handler(): Promise<{ actions: number; erased: number }> {
  const { actions, ...counts } = await engine.sweep();
  const erased = await desk.sweepRetention();
  logger.info('sweep', { ...counts, actions: actions.length, erased });
  return { actions: actions.length, erased };
}
