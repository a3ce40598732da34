/**
 * Module boundaries of server/src (a module is the first folder under server/src: alerts, events, common …).
 * Checked by server/test/architecture/boundaries.arch-spec.ts, which also fails on a cycle between modules
 * (dependency-cruiser finds cycles between files and between leaf folders, not between top folders).
 * Type-only imports count: an entity's shape is as much its owner's as its table.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-foreign-entity',
      comment:
        "A module owns its tables: another module reads or writes them through the owner's exported service or transaction-scoped function, " +
        "and declares a foreign key with a string target (@ManyToOne('Resident')). common's entities are internal to common too.",
      severity: 'error',
      from: { path: '^server/src/([^/]+)/', pathNot: ['\\.(spec|int-spec)\\.ts$', '^server/src/common/database/migrations/'] },
      to: { path: '^server/src/[^/]+/.+\\.entity\\.ts$', pathNot: '^server/src/$1/' },
    },
    {
      name: 'common-imports-no-domain',
      comment:
        'common/ is the cross-cutting layer every module builds on; a domain module it needs declares an interface in common and registers the implementation.',
      severity: 'error',
      from: { path: '^server/src/common/' },
      to: { path: '^server/src/', pathNot: '^server/src/common/' },
    },
  ],
  options: {
    includeOnly: '^server/src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
