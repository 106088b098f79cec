// `npm start`: the whole Wijkloket platform on this machine. Ctrl-C stops it and DynamoDB Local with it.
import { parseArgs } from 'node:util';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { LocalSetupError } from './dynamodb-local';
import { startPlatform } from './platform';

const { values } = parseArgs({
  options: {
    persist: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.local/dynamodb' },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
  },
});

const DATA_DIR = values['data-dir'];

async function main(): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LocalSetupError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const platform = await startPlatform({
    port,
    host: values.host,
    dataDir: values.persist ? DATA_DIR : undefined,
    dynamoDbPort: process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined,
  });
  const m = currentMunicipality();
  console.log(`
Wijkloket ${m.name} is running.

  Site (nl)        ${platform.url}/
  Site (en)        ${platform.url}/en/
  Hulp vragen      ${platform.url}/vraag/   (one step at a time; answers kept for two hours)
  Mijn vraag       ${platform.url}/mijn-vraag/
  In de buurt      ${platform.url}/in-de-buurt/
  Initiatieven     ${platform.url}/initiatieven/
  Privacy          ${platform.url}/privacy/
  Inloggen         ${platform.url}/inloggen/   (volunteers; try fatima@vrijwilliger.example, the code is in the outbox)
  Wijkteam         ${platform.staffUrl}/inloggen/   (staff, with a passkey after the code: on localhost, as browsers
                   refuse passkeys on an IP address; try anouk.devries@zaanstad.example)
  API health       ${platform.url}/api/v1/health
  OpenAPI          ${platform.url}/api/v1/openapi.json
  Doorverwijzing   ${platform.url}/doorverwijzing/?t=…   (an initiative's signed link; it arrives in the outbox)
  Outbox (dev)     ${platform.url}/dev/outbox   (what would be e-mailed; the safety net sweeps every minute)
  DynamoDB Local   ${platform.dynamoDbEndpoint} (table "${platform.tableName}", ${values.persist ? `kept in ${DATA_DIR}/` : 'in memory; use --persist to keep data'})
  Demo data        ${platform.seed === 'seeded' ? `seeded ${m.name}: ${m.districts.length} districts, ${m.volunteers.length} volunteers, ${m.initiatives.length} initiatives, ${m.professionals.length} staff` : 'already there, kept as it was'}

Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Wijkloket and DynamoDB Local...`);
    await platform.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  // Without its store the platform could only answer errors: say so in one sentence and stop.
  void platform.store.unexpectedExit.then(async (how) => {
    if (stopping) return;
    stopping = true;
    console.error(`\nDynamoDB Local stopped unexpectedly (${how}), so Wijkloket stops too: run \`npm start\` again.\n`);
    await platform.stop().catch(() => undefined);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof LocalSetupError) {
    console.error(`\nWijkloket could not start: ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
