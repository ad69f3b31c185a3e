import { transformFile } from '@swc/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The same SWC settings Jest uses (jest.config.js): decorators with metadata, CommonJS. */
const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript' as const, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022' as const,
  },
  module: { type: 'commonjs' as const },
  sourceMaps: false,
};

async function typeScriptFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The service compiled to JavaScript under the repository (so Node finds node_modules), for tests
 * that need it as a separate operating-system process they can kill.
 */
export class CompiledService {
  private constructor(readonly folder: string) {}

  static async build(): Promise<CompiledService> {
    const folder = join(ROOT, '.test-build', `${process.pid}-${randomBytes(4).toString('hex')}`);
    const sources = [
      ...(await typeScriptFiles(join(ROOT, 'src'))),
      ...(await typeScriptFiles(join(ROOT, 'migrations'))),
    ];
    await Promise.all(
      sources.map(async (source) => {
        const target = join(folder, relative(ROOT, source)).replace(/\.ts$/, '.js');
        const { code } = await transformFile(source, SWC_OPTIONS);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, code);
      }),
    );
    return new CompiledService(folder);
  }

  /** Starts `node src/main.js` with the environment given and waits until it is running. */
  async start(env: Record<string, string>): Promise<ServiceProcess> {
    const child = spawn(process.execPath, [join(this.folder, 'src', 'main.js')], {
      cwd: this.folder,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const process_ = new ServiceProcess(child);
    await process_.ready();
    return process_;
  }

  async remove(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}

export class ServiceProcess {
  private output = '';
  /** The JSON log lines (stdout). */
  logs = '';
  private readonly exited: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    child.stderr!.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      this.logs += chunk.toString();
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** The plain start-up and shutdown lines (stderr). */
  get messages(): string {
    return this.output;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** Resolves once the process reports its role (it is serving); rejects if it exits first. */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('pt-practice: role ')) {
      if (this.child.exitCode !== null) throw new Error(`the service exited:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the service did not start:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hooks, no cleanup, as when a machine or container dies. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Whether the process has ended. */
  get ended(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** SIGKILL at once, without waiting for the exit (from a callback that must not wait). */
  killNow(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** SIGTERM (or the signal given), then waits for the graceful shutdown to finish. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
