/**
 * Awaits a file-system call and returns `undefined` when its path does not exist (`ENOENT`, or `ENOTDIR` when a
 * parent is a file); any other failure (`EACCES`, `EISDIR`, `EIO`, …) rejects with its real cause. Use it instead of
 * `.catch(() => undefined)` or `existsSync`, which report an unreadable file as a missing one.
 *
 * @example
 * const readme = await ifExists(readFile(join(dir, "README.md"), "utf8"));
 * if (readme === undefined) throw new TypeError(`${dir} has no README.md: write it with writeDatasetFolder()`);
 */
export async function ifExists<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}
