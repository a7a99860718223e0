// `npm run rotate-keys`: re-encrypts every stored secret (Omni API keys, Slack installation tokens) under the
// first key of ENCRYPTION_KEY. Rotation: put the new key first and keep the old ones after it, run this,
// then remove the old keys. Needs only STORE_URL and ENCRYPTION_KEY (from the environment or .env).
import { ConfigError, loadStoreConfig } from './config.js';

async function rotateKeys(): Promise<number> {
  let config: ReturnType<typeof loadStoreConfig>;
  try {
    config = loadStoreConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  // Loaded after the configuration check, so that a missing key is reported at once.
  const [{ createLogger }, { AuditLog }, { openStore }] = await Promise.all([
    import('./logger.js'),
    import('./slack/audit.js'),
    import('./store/index.js'),
  ]);
  const logger = createLogger(config.logLevel);
  const audit = new AuditLog(logger);
  const store = await openStore({ url: config.storeUrl, encryptionKeys: config.encryptionKeys, logger });
  try {
    const count = await store.connections.reencryptAll();
    audit.record({
      workspace: 'all',
      user: 'cli:rotate-keys',
      action: 'rotate_keys',
      outcome: 'ok',
      detail: `${count} records`,
    });
    process.stdout.write(
      `Re-encrypted ${count} stored secret record${count === 1 ? '' : 's'} under the first ENCRYPTION_KEY.\n` +
        (config.encryptionKeys.length > 1 ? 'The other keys in ENCRYPTION_KEY can now be removed.\n' : ''),
    );
    return 0;
  } catch (error) {
    audit.record({
      workspace: 'all',
      user: 'cli:rotate-keys',
      action: 'rotate_keys',
      outcome: 'failed',
      detail: (error as Error).message,
    });
    process.stderr.write(`Re-encryption failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

rotateKeys().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`rotate-keys failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
