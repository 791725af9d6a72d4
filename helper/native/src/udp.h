/* Native dual-stack UDP socket: SO_MARK, big buffers, recvmmsg batches (via io-handle), sendmmsg batches. */
#ifndef FERRY_UDP_H
#define FERRY_UDP_H

#include <node_api.h>

napi_value ferry_udp_open(napi_env env, napi_callback_info info);
napi_value ferry_udp_send(napi_env env, napi_callback_info info);

#endif
