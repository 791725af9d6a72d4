/* Socket options Node does not expose: SO_PEERCRED (who is calling, see unix(7)) and SO_MARK (socket(7),
 * for policy routing; needs CAP_NET_ADMIN). */
#include "sockopt.h"

#include <errno.h>
#include <sys/socket.h>

#include "napi-util.h"

/* JS: peerCredentials(fd): { pid, uid, gid } of the process at the other end of a Unix stream socket,
 * as recorded by the kernel at connect() time. */
napi_value ferry_peer_credentials(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  int32_t fd;
  if (!ferry_args(env, info, 1, argv) || !ferry_get_int32(env, argv[0], &fd, "fd")) return NULL;
  struct ucred credentials;
  socklen_t length = sizeof credentials;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) < 0) {
    return ferry_throw_errno(env, errno, "getsockopt SO_PEERCRED");
  }
  NAPI_OK(env, napi_create_object(env, &result));
  ferry_set_int(env, result, "pid", credentials.pid);
  ferry_set_int(env, result, "uid", credentials.uid);
  ferry_set_int(env, result, "gid", credentials.gid);
  return result;
}

/* JS: setSocketMark(fd, mark): void */
napi_value ferry_set_socket_mark(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t fd;
  uint32_t mark;
  if (!ferry_args(env, info, 2, argv) || !ferry_get_int32(env, argv[0], &fd, "fd") ||
      !ferry_get_uint32(env, argv[1], &mark, "mark")) {
    return NULL;
  }
  if (setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, sizeof mark) < 0) {
    return ferry_throw_errno(env, errno, "setsockopt SO_MARK");
  }
  return NULL;
}
