/* TUN offloads (IFF_VNET_HDR, TUNSETOFFLOAD TSO4/TSO6/CSUM) as wireguard-go's tun/offload_linux.go uses them: reads
 * split TCP super-packets into MTU-sized segments with full checksums; writes coalesce TCP segments (tun-gro.c). */
#ifndef FERRY_TUN_OFFLOAD_H
#define FERRY_TUN_OFFLOAD_H

#include <linux/virtio_net.h>
#include <stdbool.h>
#include <stdint.h>

#include "io-handle.h"

#define FERRY_VNET_HDR_BYTES ((int)sizeof(struct virtio_net_hdr))
/* One read: a 64 KiB super-packet and its virtio header. */
#define FERRY_TUN_SUPER_BYTES (65535 + FERRY_VNET_HDR_BYTES)

/* Asks for vnet headers and TSO; false (offloads off, fd unchanged in behaviour) when the kernel refuses. */
bool ferry_tun_enable_offload(int fd);
/* The drain function for an offloading TUN (see ferry_drain_fn). */
uint32_t ferry_tun_drain_offload(ferry_io *io, int *error);

#endif
