// Files the portal writes under data/ (the SQLite database, the demo's secret and outbox) hold personal data
// or secrets: folders 0700, files 0600 (issue 8). Used by the start script, the migration applier and the
// demo's outbox transport. No other user on the machine can read them.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and parents) 0700, and narrows an existing one to 0700. */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

export function writePrivateFileSync(file: string, data: string): void {
  writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
}

export async function writePrivateFile(file: string, data: string): Promise<void> {
  await writeFile(file, data, { mode: PRIVATE_FILE_MODE });
  await chmod(file, PRIVATE_FILE_MODE);
}

/** Narrows an existing file (the database, its -wal and -shm) to 0600; missing ones are skipped. */
export function makePrivateSync(...files: string[]): void {
  for (const f of files) if (existsSync(f)) chmodSync(f, PRIVATE_FILE_MODE);
}
