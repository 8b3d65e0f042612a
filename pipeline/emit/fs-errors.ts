import { PipelineError } from '../errors.ts';

const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space and build again',
  EDQUOT: 'the disk quota is used up; free some space and build again',
  EFBIG: 'the file is larger than this file system or process allows',
  EACCES: 'permission denied; check who owns the output folder or give another --out',
  EPERM: 'the operation is not permitted; check the output folder’s owner and flags or give another --out',
  EROFS: 'the file system is read-only; give another --out',
  ENOTDIR: 'a part of the path is a file, not a folder; give another --out',
  EISDIR: 'a folder stands where a file must go; remove it or give another --out',
  EMFILE: 'too many open files; raise the limit (ulimit -n) and build again',
};

/** A file-system failure as the user should read it: what we tried, where, why and what to do. */
export function fileSystemError(cause: unknown, where: string, doing: string): PipelineError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const advice = (code && ADVICE[code]) ?? (cause instanceof Error ? cause.message : String(cause));
  return new PipelineError(`Cannot ${doing} at ${where}: ${advice}${code ? ` (${code})` : ''}; the previous outputs are unchanged`, {
    cause,
  });
}

/**
 * A raw file-system error that reached the top from code that did not wrap it (a cache, a scratch
 * folder), told the same way; anything else is returned as it is. The build publishes only by the
 * final synchronous swap, so a failure that escapes this far has published nothing.
 */
export function explainFileSystemError(error: unknown): unknown {
  if (error instanceof PipelineError) return error;
  const { code, path: where } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !ADVICE[code]) return error;
  return new PipelineError(`Cannot ${where ? `write ${where}` : 'write a file'}: ${ADVICE[code]} (${code}); nothing was published`, {
    cause: error,
  });
}
