import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseTarget {
  url: string;
  /** The entities to map (the app's ENTITIES); none for migrations alone. */
  entities?: DataSourceOptions['entities'];
  /** 1 for the embedded PGlite (one session); a real server gets a pool. */
  poolSize: number;
}

/**
 * Settings of every session the API opens. JIT compiles a plan once its
 * estimated cost is high (a team's calendar over a year can be): ~100 ms of
 * compilation for reads that take a few milliseconds; OLTP reads never win
 * from it. Parallel workers likewise: a team's month (900 rows) was planned
 * with two, whose start-up made it 13 ms instead of 4, and with many
 * requests at once there is no idle core for them anyway.
 */
export const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

export function createDataSource(target: DatabaseTarget): DataSource {
  return new DataSource({
    type: 'postgres',
    url: target.url,
    entities: target.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: target.poolSize, options: SESSION_OPTIONS },
  });
}
