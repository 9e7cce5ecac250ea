/**
 * Reads a process's configuration, or says what is wrong in plain words and exits 1: a
 * deployment's log shows which variable to fix, not a stack trace.
 */
export function configOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
