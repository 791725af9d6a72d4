/* Socket options Node does not expose: SO_PEERCRED (who is calling) and SO_MARK (policy routing). */
#ifndef FERRY_SOCKOPT_H
#define FERRY_SOCKOPT_H

#include <node_api.h>

napi_value ferry_peer_credentials(napi_env env, napi_callback_info info);
napi_value ferry_set_socket_mark(napi_env env, napi_callback_info info);

#endif
