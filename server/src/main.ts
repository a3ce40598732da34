import { ConfigError, loadConfig } from './common/config/env';
import { holdingStartupLock } from './common/database/startup-lock';
import { createApp } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  // Several instances may start at once on one MySQL database: one migrates and loads the start-up data at a time.
  const app = await holdingStartupLock(config, async () => {
    const started = await createApp(config);
    await started.init();
    return started;
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

void main();
