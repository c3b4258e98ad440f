/** File-system error codes in words a coordinator can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code ?? String((error as Error)?.message ?? error);
  }
}
