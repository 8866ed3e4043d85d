// Runs once when the server starts: environment check, migration check and background jobs, in the Node.js
// runtime only (lib/jobs/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/jobs/startup");
    await startServer();
  }
}
