import 'reflect-metadata';
import { readConfig } from '../platform/config/app-config';
import { openDatabase } from '../platform/database/database-connection';
import { ENTITIES } from '../entities';

/** `pnpm migrate`: applies pending migrations (they also run on every start) and exits. */
openDatabase(readConfig(), ENTITIES)
  .then(({ close }) => close())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
