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
    /** Run-time settings for each connection's session, as `-c name=value` (the startup packet's options). */
    options?: string;
  }
  export type PoolConfig = ClientConfig;
  export class Client {
    constructor(config?: ClientConfig | string);
    connect(): Promise<void>;
    query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
  }
  /** A prepared statement by name, with values and per-query column parsers (lib/dal/db.ts queryRows). */
  export interface QueryConfig {
    name?: string;
    text: string;
    values?: unknown[];
    types?: { getTypeParser(oid: number, format: string): (value: string) => unknown };
  }
  export class Pool {
    constructor(config?: PoolConfig);
    query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<QueryResult<R>>;
    query<R = Record<string, unknown>>(config: QueryConfig): Promise<QueryResult<R>>;
    on(event: "error", listener: (error: Error) => void): this;
    end(): Promise<void>;
  }
  /** pg-types: the driver's column parsers (lib/dal/db.ts falls back to them). */
  export const types: { getTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown };
  const pg: { Client: typeof Client; Pool: typeof Pool; types: typeof types };
  export default pg;
}
