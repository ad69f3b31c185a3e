import type { LoggerService } from '@nestjs/common';

/**
 * Nest's start-up chatter (each module initialised, each of some 130 routes mapped) at debug
 * level, so a start at info shows what an operator needs: where the API listens, which role and
 * database, and any problem. `LOG_LEVEL=debug` shows the route table again.
 */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class QuietStartLogger implements LoggerService {
  constructor(private readonly logger: Required<LoggerService>) {}

  log(message: unknown, ...parameters: unknown[]): void {
    const context = parameters.at(-1);
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) {
      this.logger.debug(message, ...parameters);
    } else {
      this.logger.log(message, ...parameters);
    }
  }

  error(message: unknown, ...parameters: unknown[]): void {
    this.logger.error(message, ...parameters);
  }

  warn(message: unknown, ...parameters: unknown[]): void {
    this.logger.warn(message, ...parameters);
  }

  debug(message: unknown, ...parameters: unknown[]): void {
    this.logger.debug(message, ...parameters);
  }

  verbose(message: unknown, ...parameters: unknown[]): void {
    this.logger.verbose(message, ...parameters);
  }

  fatal(message: unknown, ...parameters: unknown[]): void {
    this.logger.fatal(message, ...parameters);
  }

  setLogLevels(): void {
    // The level is pino's (LOG_LEVEL), set once at boot.
  }
}
