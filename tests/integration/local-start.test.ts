// `npm start` as a newcomer runs it: the real script, its printed URLs, Ctrl-C, persistence and the
// clear one-sentence failures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../infra/local/dynamodb-local';
import { portInUse } from '../../infra/local/ports';

const ROOT = join(import.meta.dirname, '../..');

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  dynamoDbEndpoint: string;
}

function start(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'SILENT' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 45 s:\n${output}`)), 90_000);
    const check = () => {
      const url = /Site \(nl\)\s+(http:\/\/\S+?)\/\s/.exec(output)?.[1];
      const dynamo = /DynamoDB Local\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url && dynamo && output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, output: () => output, url, dynamoDbEndpoint: dynamo });
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${output}`));
    });
  });
}

async function stopWithCtrlC(started: Started): Promise<number | null> {
  started.child.removeAllListeners('exit'); // the start-up watcher's
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', (code) => resolve(code)));
  started.child.kill('SIGINT');
  return exited;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

describe('npm start', () => {
  it('serves site and API on one origin, seeds the demo, and Ctrl-C leaves no DynamoDB Local behind', async () => {
    const started = await start([]);
    expect(started.output()).toContain('seeded Zaanstad');
    const health = await fetch(`${started.url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const home = await fetch(`${started.url}/en/`);
    expect(await home.text()).toContain('<html lang="en"');
    const dynamoPort = Number(new URL(started.dynamoDbEndpoint).port);
    expect(await portInUse(dynamoPort)).toBe(true);

    expect(await stopWithCtrlC(started)).toBe(0);
    expect(started.output()).toContain('Stopped.');
    expect(await portInUse(dynamoPort)).toBe(false);
    const java = spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${dynamoPort}\\b`]);
    expect(java.status).toBe(1); // pgrep: no process matched
  });

  it('keeps data between starts with --persist', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijkloket-persist-'));
    const first = await start(['--persist', '--data-dir', dataDir]);
    expect(first.output()).toContain('seeded Zaanstad');
    const client = localClient(first.dynamoDbEndpoint);
    const marker = { pk: { S: 'TEST#persist' }, sk: { S: 'MARKER' } };
    await client.send(new PutItemCommand({ TableName: 'wijkloket', Item: marker }));
    client.destroy();
    expect(await stopWithCtrlC(first)).toBe(0);

    const second = await start(['--persist', '--data-dir', dataDir]);
    expect(second.output()).toContain('already there, kept as it was');
    const again = localClient(second.dynamoDbEndpoint);
    const found = await again.send(new GetItemCommand({ TableName: 'wijkloket', Key: marker }));
    again.destroy();
    expect(found.Item).toBeDefined();
    expect(await stopWithCtrlC(second)).toBe(0);
  });

  it('says in one sentence how to fix a missing Java, and exits non-zero', () => {
    // A PATH with only Node on it: no java.
    const result = run(['--port', '0'], { PATH: dirname(process.execPath), HOME: process.env.HOME });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Wijkloket could not start: DynamoDB Local needs Java 17 or newer.*apt-get install -y openjdk-17-jre-headless/);
  });

  it('says which port is taken and how to choose another, and exits non-zero', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = run(['--port', String(port)], process.env);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
      expect(result.stderr).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('rejects a port that is not a number', () => {
    const result = run(['--port', 'abc'], process.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--port must be a number');
  });
});
