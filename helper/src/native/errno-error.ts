// Turns an errno reported by the addon's reader into an Error shaped like Node's own system errors.
import { getSystemErrorName } from 'node:util';

export function errnoError(errno: number, syscall: string): NodeJS.ErrnoException {
  const code = getSystemErrorName(-errno);
  const error: NodeJS.ErrnoException = new Error(`${syscall}: ${code} (errno ${errno})`);
  error.code = code;
  error.errno = -errno;
  error.syscall = syscall;
  return error;
}
