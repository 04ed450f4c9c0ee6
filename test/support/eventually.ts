/** Retries `check` until it stops throwing, and throws its last error after `ms`. */
export async function eventually(check: () => Promise<void>, ms: number, everyMs = 200): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > ms) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
