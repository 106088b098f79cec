// The safety net in AWS: an EventBridge schedule runs one sweep every few minutes. Each sweep moves every
// request whose deadline passed one step up the ladder; running two at once is safe (see engine.sweep).
import { createEngine } from '../../engine/create-engine';
import { createLogger } from '../../http/logger';
import { storeConfigFromEnv } from '../../store/client';

const logger = createLogger('wijkloket-safety-net');
const engine = createEngine(storeConfigFromEnv());

export async function handler(): Promise<{ actions: number }> {
  const { actions, ...counts } = await engine.sweep();
  logger.info('sweep', { ...counts, actions: actions.length });
  return { actions: actions.length };
}
