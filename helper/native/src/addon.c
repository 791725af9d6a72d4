/* Entry point of ferry_native.node: registers the TUN, UDP, address, socket-option and process-connector functions. */
#include <node_api.h>

#include "io-handle.h"
#include "napi-util.h"
#include "proc-connector.h"
#include "sockopt.h"
#include "tun.h"
#include "udp-address.h"
#include "udp.h"

#define EXPORT(name, fn) {name, NULL, fn, NULL, NULL, NULL, napi_enumerable, NULL}

NAPI_MODULE_INIT() {
  napi_property_descriptor functions[] = {
      EXPORT("ioStart", ferry_io_start),
      EXPORT("ioClose", ferry_io_close),
      EXPORT("ioCounters", ferry_io_counters),
      EXPORT("tunOpen", ferry_tun_open),
      EXPORT("tunWrite", ferry_tun_write),
      EXPORT("udpOpen", ferry_udp_open),
      EXPORT("udpSend", ferry_udp_send),
      EXPORT("addressParse", ferry_address_parse),
      EXPORT("addressFormat", ferry_address_format),
      EXPORT("peerCredentials", ferry_peer_credentials),
      EXPORT("setSocketMark", ferry_set_socket_mark),
      EXPORT("procConnectorOpen", ferry_proc_connector_open),
  };
  napi_value constants;
  if (napi_create_object(env, &constants) != napi_ok) return NULL;
  ferry_set_int(env, constants, "addressRecordBytes", FERRY_ADDRESS_RECORD_BYTES);
  ferry_set_int(env, constants, "maxBatch", FERRY_MAX_BATCH);
  ferry_set_int(env, constants, "procRecordBytes", FERRY_PROC_RECORD_BYTES);
  napi_set_named_property(env, exports, "constants", constants);
  if (napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions) != napi_ok) {
    return NULL;
  }
  return exports;
}
