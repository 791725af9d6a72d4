/* Linux TUN device: open with a chosen name, batched reads (via io-handle) and batched writes. */
#ifndef FERRY_TUN_H
#define FERRY_TUN_H

#include <node_api.h>

napi_value ferry_tun_open(napi_env env, napi_callback_info info);
napi_value ferry_tun_write(napi_env env, napi_callback_info info);

#endif
