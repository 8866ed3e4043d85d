// Runs once when the server starts. First the environment: a configured deployment (DATABASE_URL set) missing
// a required variable refuses to start, naming each one, with exit code 1 (lib/env.ts, issue 8). Then the
// background jobs of lib/jobs/workers.ts (retention, mail queue, and whatever else registers there), each in
// one instance at a time through a lease in the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("@/lib/env");
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  // The migrations must be exactly this code's (issue 12): none unapplied, altered or unknown.
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
