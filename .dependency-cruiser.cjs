// Module-boundary checks for src/, run by `npm run lint`.
//
// Every folder directly under src/ is a "module". A few of them are shared,
// cross-cutting code that any module may use; the rest are domain modules
// that talk to each other only through a small public surface.
//
// Paths in the rules are regular expressions matched against paths relative to
// the repository root (always with forward slashes). In a `to` condition `$1`
// stands for the first group the `from` path captured.

/** Shared, cross-cutting folders: importable in full from anywhere. */
const SHARED = ['kernel', 'common', 'config', 'database', 'logging', 'audit'];

/** Domain modules (including the leaf modules health, seed and bootstrap). */
const DOMAIN = [
  'auth',
  'locations',
  'staff',
  'patients',
  'intake',
  'direct-access',
  'plans',
  'billing',
  'scheduling',
  'reminders',
  'reporting',
  'queue',
  'seed',
  'health',
  'bootstrap',
];

const inFolders = (names) => `^src/(${names.join('|')})/`;

/**
 * Files of a domain module that other modules may import: its Nest module,
 * services, ports, policies, SQL fragments, error types, and everything under
 * a rules/ or dto/ folder. Everything else (entities, repositories, helpers)
 * is internal to the module.
 */
const PUBLIC_SURFACE = [
  '\\.(module|service|port|policy|sql|errors)\\.ts$',
  // any rules/ or dto/ folder inside the module (the rule's `to.path` already pins src/<module>/)
  '/(?:rules|dto)/',
];

/**
 * What a composition root may additionally wire up: queue processors, outbox relays, and the
 * queue backend's connection settings (start-up checks Redis before anything else runs).
 */
const WIRING_SURFACE = ['\\.processor\\.ts$', '-relay\\.ts$', '^src/queue/queue-connection\\.ts$'];

/**
 * Composition roots. The capture group is the root's own module folder (or
 * the file name for files directly in src/), so that `^src/$1/` in a `to`
 * condition means "inside the root's own module".
 */
const COMPOSITION_ROOTS =
  '^src/(' +
  [
    'app\\.module\\.ts$',
    'main\\.ts$',
    'cli\\.ts$',
    'bootstrap(?=/)',
    'seed(?=/)',
    'workers\\.module\\.ts$',
  ].join('|') +
  ')';

const SPEC = '\\.spec\\.ts$';

// depcruise exits with the number of errors, and the OS keeps only the low 8
// bits of an exit code: exactly 256 (512, ...) errors would exit 0 and pass
// lint. Clamp anything above 255 to 1.
process.once('exit', () => {
  if (process.exitCode > 255) process.exitCode = 1;
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Modules (folders directly under src/) must depend on each other in one direction only. ' +
        'If A uses B and B also uses A, neither can be understood, tested or changed on its own; ' +
        'move the shared part into a shared folder or invert the dependency with a port. ' +
        'Checked on the folder graph. Caveat: an import of B/dto/x.ts is an edge to the folder B/dto, ' +
        'not to B, so it only closes a loop if B/dto itself leads back; no-circular still catches ' +
        'every file-level loop.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'shared-must-not-import-domain',
      comment:
        'Shared folders (kernel, common, config, database, logging, audit) sit below every domain ' +
        'module. If they imported a domain module (or a composition root), every module would ' +
        'indirectly depend on that one and the layering would be circular.',
      severity: 'error',
      from: { path: inFolders(SHARED) },
      to: { path: [inFolders(DOMAIN), '^src/[^/]+\\.ts$'] },
    },
    {
      name: 'no-internals-of-other-modules',
      comment:
        'Another domain module may only be used through its public surface: *.module.ts, *.service.ts, ' +
        '*.port.ts, *.policy.ts, *.sql.ts, *.errors.ts, rules/** and dto/**. Entities, repositories and ' +
        'helpers are internal, so the owning module can change them without breaking others. ' +
        'Tests (*.spec.ts) are exempt, composition roots have their own rule below.',
      severity: 'error',
      from: { path: '^src/([^/]+)', pathNot: [SPEC, COMPOSITION_ROOTS] },
      to: {
        path: inFolders(DOMAIN),
        pathNot: ['^src/$1/', ...PUBLIC_SURFACE],
      },
    },
    {
      name: 'composition-roots-import-module-surface',
      comment:
        'Composition roots (app.module.ts, main.ts, cli.ts, bootstrap/, seed/, workers.module.ts) ' +
        'wire modules together, so besides the public surface they may also import queue processors ' +
        '(*.processor.ts), outbox relays (*-relay.ts) and each other - but still no entities, repositories ' +
        'or helpers of the modules they wire.',
      severity: 'error',
      from: { path: COMPOSITION_ROOTS, pathNot: SPEC },
      to: {
        path: inFolders(DOMAIN),
        // roots may also use one another (main.ts -> bootstrap/start.ts, cli.ts -> seed/seed.ts)
        pathNot: ['^src/$1/', COMPOSITION_ROOTS, ...PUBLIC_SURFACE, ...WIRING_SURFACE],
      },
    },
    {
      name: 'rules-are-pure',
      comment:
        'Code in rules/ folders is plain business logic: deterministic, framework-free and unit-testable ' +
        'without Nest, a database or a queue. It may use other rules/ folders, src/common/time/ and ' +
        'src/kernel/ - not Nest, TypeORM, pg or any other project file. Applies to its tests too.',
      severity: 'error',
      from: { path: '^src/.+/rules/' },
      to: {
        path: [
          '^src/',
          '(?:^|/)node_modules/(?:@nestjs/|typeorm/|pg/|@types/pg/)',
          '^(?:@nestjs/|typeorm$|typeorm/|pg$)',
        ],
        pathNot: ['^src/.+/rules/', '^src/common/time/', '^src/kernel/'],
      },
    },
    {
      name: 'no-circular',
      comment:
        'No file may (indirectly) import itself. Import cycles make load order matter, which breaks ' +
        'Nest dependency injection and decorator metadata in hard-to-debug ways (undefined at import time).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that cannot be resolved (typo, or a file moved or deleted in a refactor) has no ' +
        'target path, so none of the boundary rules above can see it; fail on it instead of passing silently.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // count `import type` and other imports TypeScript erases, too
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
