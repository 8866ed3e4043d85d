// Runs once when the server starts: the background jobs of lib/jobs/workers.ts (retention, and whatever
// else registers there), each in one instance at a time through a lease in the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobs } = await import("@/lib/jobs/scheduler");
  const { serverJobs } = await import("@/lib/jobs/workers");
  startJobs(serverJobs());
}
