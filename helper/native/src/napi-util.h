/* Small N-API helpers shared by the addon's units: argument reading, errno errors, safe callbacks. */
#ifndef FERRY_NAPI_UTIL_H
#define FERRY_NAPI_UTIL_H

#include <node_api.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FERRY_MAX_ARGS 6

/* Returns NULL from the calling napi_callback when a N-API call fails (an exception is then pending). */
#define NAPI_OK(env, call)                                 \
  do {                                                     \
    if ((call) != napi_ok) {                               \
      ferry_throw_last_napi_error(env);                    \
      return NULL;                                         \
    }                                                      \
  } while (0)

void ferry_throw_last_napi_error(napi_env env);

/* Throws an Error shaped like Node's system errors: message "syscall: text", code "EPERM", errno, syscall. */
napi_value ferry_throw_errno(napi_env env, int err, const char *syscall);
napi_value ferry_throw_type(napi_env env, const char *message);

/* Reads exactly `expected` arguments; throws a TypeError and returns false when fewer were passed. */
bool ferry_args(napi_env env, napi_callback_info info, size_t expected, napi_value *argv);

bool ferry_get_int32(napi_env env, napi_value value, int32_t *out, const char *what);
bool ferry_get_uint32(napi_env env, napi_value value, uint32_t *out, const char *what);
/* A Uint8Array's bytes (already offset by byteOffset). */
bool ferry_get_bytes(napi_env env, napi_value value, uint8_t **data, size_t *length, const char *what);
bool ferry_is_nullish(napi_env env, napi_value value);

napi_value ferry_make_int(napi_env env, int64_t value);
bool ferry_set_int(napi_env env, napi_value object, const char *key, int64_t value);

/* Calls `callback` from a libuv callback: opens the callback scope (microtasks, nextTicks) and routes a
 * thrown exception to process 'uncaughtException', as Node does for its own event callbacks. */
void ferry_call_from_loop(napi_env env, napi_async_context context, napi_value callback, size_t argc,
                          const napi_value *argv);

#endif
