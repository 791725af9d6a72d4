/* The kernel's process connector (NETLINK_CONNECTOR, CN_IDX_PROC): exec and fork events, read in batches. */
#ifndef FERRY_PROC_CONNECTOR_H
#define FERRY_PROC_CONNECTOR_H

#include <node_api.h>

/* Bytes of one event record in the arena: kind u32 [0..3], pid i32 [4..7], parent tgid or ack errno i32
 * [8..11], zero [12..15], kernel timestamp (CLOCK_MONOTONIC ns) u64 [16..23]; host byte order. */
#define FERRY_PROC_RECORD_BYTES 24
#define FERRY_PROC_KIND_ACK 0
#define FERRY_PROC_KIND_FORK 1
#define FERRY_PROC_KIND_EXEC 2
/* The socket buffer overflowed and events were lost: the reader should rescan /proc. */
#define FERRY_PROC_KIND_OVERRUN 0xffff

/* JS: procConnectorOpen(bufferBytes): handle — subscribed; read it with ioStart (null addresses). */
napi_value ferry_proc_connector_open(napi_env env, napi_callback_info info);

#endif
