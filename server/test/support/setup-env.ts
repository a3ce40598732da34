// Entity column types depend on the dialect, which is fixed before any entity module loads.
process.env.DB_TYPE = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';
