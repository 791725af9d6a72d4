/* A non-blocking fd (TUN or UDP) owned by a JS External, with a uv_poll reader that drains a batch per
 * readiness event into an arena the JS side provided and calls JS once per batch. */
#ifndef FERRY_IO_HANDLE_H
#define FERRY_IO_HANDLE_H

#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <uv.h>

/* Bytes of one source-address record written for UDP reads: IPv6 (v4-mapped for IPv4) address [0..15],
 * port big-endian [16..17], family 4 or 6 [18], zero [19]. */
#define FERRY_ADDRESS_RECORD_BYTES 20
#define FERRY_MAX_BATCH 1024

typedef struct ferry_io ferry_io;

/* An offloading TUN's read buffer and the TCP super-packet being cut into segments (tun-offload.c). */
typedef struct {
  uint8_t *buffer; /* virtio header + one read, allocated on first use */
  size_t length;   /* bytes of the pending super-packet after the header; 0 when none */
  size_t ip_bytes;
  size_t header_bytes;
  size_t segment_bytes;
  size_t offset; /* payload bytes already emitted */
  uint32_t index;
} ferry_tun_super;

/* Reads up to io->batch packets into the arena; returns how many slots it filled (lengths[i] < 0 marks a
 * slot whose packet was dropped). Sets *error to a fatal errno, leaving 0 for "nothing more to read". */
typedef uint32_t (*ferry_drain_fn)(ferry_io *io, int *error);

typedef struct {
  uint64_t rx_packets;
  uint64_t rx_dropped;
  uint64_t tx_packets;
  uint64_t tx_dropped;
  int last_tx_errno;
} ferry_counters;

struct ferry_io {
  napi_env env;
  int fd;
  int family; /* AF_INET6 / AF_INET for UDP, 0 for TUN */
  ferry_drain_fn drain;
  uv_poll_t *poll;
  napi_async_context async_context;
  napi_ref self, callback, arena_ref, lengths_ref, addresses_ref;
  uint8_t *arena;
  size_t slot_bytes;
  uint32_t batch;
  int32_t *lengths;
  uint8_t *addresses; /* batch * FERRY_ADDRESS_RECORD_BYTES, or NULL */
  struct mmsghdr *msgs; /* recvmmsg scratch, allocated by the UDP unit at start */
  struct iovec *iovecs;
  struct sockaddr_in6 *names;
  ferry_counters counters;
  bool udp_gso; /* UDP sockets: send runs of equal-sized datagrams as one UDP_SEGMENT (GSO) message */
  bool tun_vnet; /* TUN with IFF_VNET_HDR and TSO: reads split super-packets, writes coalesce (tun-gro.c) */
  ferry_tun_super tun_super;
};

/* Wraps an open fd in a new handle; the External is returned through *external. NULL on failure. */
ferry_io *ferry_io_create(napi_env env, int fd, int family, ferry_drain_fn drain, napi_value *external);
/* The handle behind an External passed from JS; throws and returns NULL if it is not one or is closed. */
ferry_io *ferry_io_unwrap(napi_env env, napi_value value);

/* JS: ioStart(handle, arena: ArrayBuffer, slotBytes, lengths: Int32Array, addresses: Uint8Array | null,
 *             onBatch: (count: number, errno: number) => void): void */
napi_value ferry_io_start(napi_env env, napi_callback_info info);
/* JS: ioClose(handle): void — stops polling, closes the fd; idempotent. */
napi_value ferry_io_close(napi_env env, napi_callback_info info);
/* JS: ioCounters(handle): { rxPackets, rxDropped, txPackets, txDropped, lastTxErrno } */
napi_value ferry_io_counters(napi_env env, napi_callback_info info);

#endif
