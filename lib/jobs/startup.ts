// Runs once when the Node.js server starts (instrumentation.ts). First the environment: a configured deployment
// (DATABASE_URL set) missing a required variable refuses to start, naming each one, with exit code 1 (lib/env.ts,
// issue 8). Then the migrations must be exactly this code's (issue 12): none unapplied, altered or unknown. Then
// the background jobs of lib/jobs/workers.ts (retention, mail queue, webhooks), each in one instance at a time
// through a lease in the database. Kept out of instrumentation.ts so the Edge build never sees process.exit.
export async function startServer(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  const { migrationProblem } = await import("@/lib/dal/migrations");
  const problem = await migrationProblem();
  if (problem) {
    const { log } = await import("@/lib/log");
    log("error", "startup.migrations", { message: problem });
    console.error(problem);
    process.exit(1);
  }
  const { startJobs } = await import("@/lib/jobs/scheduler");
  const { serverJobs } = await import("@/lib/jobs/workers");
  startJobs(serverJobs());
}
