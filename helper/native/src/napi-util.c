/* Small N-API helpers shared by the addon's units: argument reading, errno errors, safe callbacks. */
#include "napi-util.h"

#include <stdio.h>
#include <string.h>
#include <uv.h>

void ferry_throw_last_napi_error(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) return;
  const napi_extended_error_info *info = NULL;
  napi_get_last_error_info(env, &info);
  const char *message = info && info->error_message ? info->error_message : "N-API call failed";
  napi_throw_error(env, "ERR_FERRY_NATIVE", message);
}

napi_value ferry_throw_errno(napi_env env, int err, const char *syscall) {
  char text[256];
  snprintf(text, sizeof text, "%s: %s", syscall, strerror(err));
  napi_value message, code, error;
  /* libuv names errno values the way Node does (uv error codes are negated errno on Unix). */
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message);
  napi_create_string_utf8(env, uv_err_name(-err), NAPI_AUTO_LENGTH, &code);
  napi_create_error(env, code, message, &error);
  ferry_set_int(env, error, "errno", -err);
  napi_value name;
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &name);
  napi_set_named_property(env, error, "syscall", name);
  napi_throw(env, error);
  return NULL;
}

napi_value ferry_throw_type(napi_env env, const char *message) {
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message);
  return NULL;
}

bool ferry_args(napi_env env, napi_callback_info info, size_t expected, napi_value *argv) {
  size_t argc = expected;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return false;
  if (argc < expected) {
    ferry_throw_type(env, "ferry_native: too few arguments");
    return false;
  }
  return true;
}

bool ferry_get_int32(napi_env env, napi_value value, int32_t *out, const char *what) {
  if (napi_get_value_int32(env, value, out) == napi_ok) return true;
  char text[128];
  snprintf(text, sizeof text, "%s must be a number", what);
  ferry_throw_type(env, text);
  return false;
}

bool ferry_get_uint32(napi_env env, napi_value value, uint32_t *out, const char *what) {
  if (napi_get_value_uint32(env, value, out) == napi_ok) return true;
  char text[128];
  snprintf(text, sizeof text, "%s must be a number", what);
  ferry_throw_type(env, text);
  return false;
}

bool ferry_get_bytes(napi_env env, napi_value value, uint8_t **data, size_t *length, const char *what) {
  bool is_typed = false;
  napi_typedarray_type type;
  void *raw = NULL;
  if (napi_is_typedarray(env, value, &is_typed) == napi_ok && is_typed &&
      napi_get_typedarray_info(env, value, &type, length, &raw, NULL, NULL) == napi_ok &&
      (type == napi_uint8_array || type == napi_uint8_clamped_array)) {
    *data = raw;
    return true;
  }
  char text[128];
  snprintf(text, sizeof text, "%s must be a Uint8Array", what);
  ferry_throw_type(env, text);
  return false;
}

bool ferry_is_nullish(napi_env env, napi_value value) {
  napi_valuetype type;
  return napi_typeof(env, value, &type) == napi_ok && (type == napi_null || type == napi_undefined);
}

napi_value ferry_make_int(napi_env env, int64_t value) {
  napi_value result = NULL;
  napi_create_int64(env, value, &result);
  return result;
}

bool ferry_set_int(napi_env env, napi_value object, const char *key, int64_t value) {
  return napi_set_named_property(env, object, key, ferry_make_int(env, value)) == napi_ok;
}

void ferry_call_from_loop(napi_env env, napi_async_context context, napi_value callback, size_t argc,
                          const napi_value *argv) {
  napi_value receiver; /* napi_make_callback converts the receiver to an object: undefined is refused */
  napi_get_global(env, &receiver);
  napi_status status = napi_make_callback(env, context, receiver, callback, argc, argv, NULL);
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (status == napi_ok && !pending) return;
  napi_value exception;
  if (pending && napi_get_and_clear_last_exception(env, &exception) == napi_ok) {
    napi_fatal_exception(env, exception);
  }
}
