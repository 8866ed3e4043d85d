// The few parts of node-postgres (pg, installed with @prisma/adapter-pg) that the migration applier, the
// tests and lib/dal/db.ts use; @types/pg is not installed.
declare module "pg" {
  export interface QueryResult<R = Record<string, unknown>> {
    rows: R[];
    rowCount: number | null;
  }
  export interface ClientConfig {
    connectionString?: string;
    max?: number;
    application_name?: string;
    idleTimeoutMillis?: number;
    allowExitOnIdle?: boolean;
  }
  export type PoolConfig = ClientConfig;
  export class Client {
    constructor(config?: ClientConfig | string);
    connect(): Promise<void>;
    query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
  }
  export class Pool {
    constructor(config?: PoolConfig);
    query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
  }
  /** pg-types: the driver's column parsers (lib/dal/db.ts falls back to them). */
  export const types: { getTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown };
  const pg: { Client: typeof Client; Pool: typeof Pool; types: typeof types };
  export default pg;
}
