/* Coalesced TUN writes (GRO in userspace, as wireguard-go's tun/offload_linux.go): consecutive TCP segments of one
 * flow are written as one super-packet with a virtio GSO header, so the kernel's TCP stack takes them in one go. */
#ifndef FERRY_TUN_GRO_H
#define FERRY_TUN_GRO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "io-handle.h"

/* Packets handed to one coalescing pass at most. */
#define FERRY_GRO_MAX_PACKETS 256

typedef struct {
  const uint8_t *data;
  size_t length;
} ferry_packet;

/* Writes `count` (≤ FERRY_GRO_MAX_PACKETS) packets to a TUN opened with vnet headers; returns how many were
 * written (a coalesced write counts each segment). Stops at a full device (EAGAIN, *full set): the rest is dropped. */
uint32_t ferry_tun_gro_write(ferry_io *io, const ferry_packet *packets, uint32_t count, bool *full);

#endif
