/* Conversions between sockaddrs, Ferry's 20-byte address records and IP address text. */
#include "udp-address.h"

#include <arpa/inet.h>
#include <string.h>

#include "io-handle.h"
#include "napi-util.h"

static const uint8_t V4_MAPPED_PREFIX[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

void ferry_record_from_sockaddr(const struct sockaddr_in6 *name, uint8_t *record) {
  if (name->sin6_family == AF_INET) {
    const struct sockaddr_in *v4 = (const struct sockaddr_in *)name;
    memcpy(record, V4_MAPPED_PREFIX, sizeof V4_MAPPED_PREFIX);
    memcpy(record + 12, &v4->sin_addr, 4);
    memcpy(record + 16, &v4->sin_port, 2);
    record[18] = 4;
  } else {
    memcpy(record, &name->sin6_addr, 16);
    memcpy(record + 16, &name->sin6_port, 2);
    record[18] = memcmp(record, V4_MAPPED_PREFIX, sizeof V4_MAPPED_PREFIX) == 0 ? 4 : 6;
  }
  record[19] = 0;
}

bool ferry_sockaddr_from_record(const uint8_t *record, int socket_family, ferry_sockaddr *out,
                                socklen_t *length) {
  memset(out, 0, sizeof *out);
  if (socket_family == AF_INET6) {
    out->v6.sin6_family = AF_INET6;
    memcpy(&out->v6.sin6_addr, record, 16);
    memcpy(&out->v6.sin6_port, record + 16, 2);
    *length = sizeof out->v6;
    return true;
  }
  if (memcmp(record, V4_MAPPED_PREFIX, sizeof V4_MAPPED_PREFIX) != 0) return false;
  out->v4.sin_family = AF_INET;
  memcpy(&out->v4.sin_addr, record + 12, 4);
  memcpy(&out->v4.sin_port, record + 16, 2);
  *length = sizeof out->v4;
  return true;
}

napi_value ferry_address_parse(napi_env env, napi_callback_info info) {
  napi_value argv[1], result, buffer;
  char text[INET6_ADDRSTRLEN + 1];
  size_t length = 0;
  if (!ferry_args(env, info, 1, argv)) return NULL;
  if (napi_get_value_string_utf8(env, argv[0], text, sizeof text, &length) != napi_ok) {
    return ferry_throw_type(env, "address must be a string");
  }
  uint8_t bytes[16];
  memcpy(bytes, V4_MAPPED_PREFIX, sizeof V4_MAPPED_PREFIX);
  bool ok = length < INET6_ADDRSTRLEN &&
            (inet_pton(AF_INET, text, bytes + 12) == 1 || inet_pton(AF_INET6, text, bytes) == 1);
  if (!ok) {
    NAPI_OK(env, napi_get_null(env, &result));
    return result;
  }
  void *data = NULL;
  NAPI_OK(env, napi_create_arraybuffer(env, sizeof bytes, &data, &buffer));
  memcpy(data, bytes, sizeof bytes);
  NAPI_OK(env, napi_create_typedarray(env, napi_uint8_array, sizeof bytes, buffer, 0, &result));
  return result;
}

napi_value ferry_address_format(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  uint8_t *bytes;
  size_t length;
  if (!ferry_args(env, info, 1, argv)) return NULL;
  if (!ferry_get_bytes(env, argv[0], &bytes, &length, "address")) return NULL;
  if (length < 16) return ferry_throw_type(env, "address must hold 16 bytes");
  char text[INET6_ADDRSTRLEN];
  if (memcmp(bytes, V4_MAPPED_PREFIX, sizeof V4_MAPPED_PREFIX) == 0) {
    inet_ntop(AF_INET, bytes + 12, text, sizeof text);
  } else {
    inet_ntop(AF_INET6, bytes, text, sizeof text);
  }
  NAPI_OK(env, napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &result));
  return result;
}
