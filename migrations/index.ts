import { Foundation1795420800000 } from './1795420800000-foundation';

/** Every migration in order. A generated migration is added here to take effect. */
export const allMigrations = [Foundation1795420800000];
