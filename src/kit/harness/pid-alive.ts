/** Is a process with this pid alive on this machine? The sweeps of killed runs' leftovers ask. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
