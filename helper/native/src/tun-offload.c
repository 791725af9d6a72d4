/* TUN reads with offloads: each read brings a virtio header and maybe a TCP super-packet (TSO), which is cut into
 * MTU-sized segments in the arena, with the headers and checksums the kernel would have written (tcp_gso_segment). */
#include "tun-offload.h"

#include <errno.h>
#include <linux/if_tun.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "checksum.h"

#define TCP_FLAG_FIN 0x01
#define TCP_FLAG_PSH 0x08
#define TCP_FLAG_CWR 0x80

bool ferry_tun_enable_offload(int fd) {
  int header_bytes = FERRY_VNET_HDR_BYTES;
  unsigned offloads = TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6;
  return ioctl(fd, TUNSETVNETHDRSZ, &header_bytes) == 0 && ioctl(fd, TUNSETOFFLOAD, offloads) == 0;
}

static uint16_t get16(const uint8_t *p) { return (uint16_t)((p[0] << 8) | p[1]); }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* Completes a checksum the kernel left partial (VIRTIO_NET_HDR_F_NEEDS_CSUM): the field holds the pseudo-header sum. */
static bool complete_checksum(uint8_t *packet, size_t length, const struct virtio_net_hdr *hdr) {
  size_t start = hdr->csum_start, field = start + hdr->csum_offset;
  if (field + 2 > length) return false;
  uint16_t sum = ferry_csum_fold(ferry_csum_add(0, packet + start, length - start));
  put16(packet + field, (uint16_t)~sum);
  return true;
}

/* Header sizes of a TCP super-packet; false if it is not one we can segment. */
static bool tcp_layout(const uint8_t *p, size_t length, size_t *ip_bytes, size_t *header_bytes) {
  int version = p[0] >> 4;
  if (version == 4 && length >= 20 && p[9] == 6) *ip_bytes = (size_t)(p[0] & 0x0f) * 4;
  else if (version == 6 && length >= 40 && p[6] == 6) *ip_bytes = 40;
  else return false;
  if (*ip_bytes < 20 || length < *ip_bytes + 20) return false;
  *header_bytes = *ip_bytes + (size_t)(p[*ip_bytes + 12] >> 4) * 4;
  return *header_bytes >= *ip_bytes + 20 && *header_bytes <= length;
}

/* Writes segment `index` (payload [offset, offset+bytes)) of super-packet `p` into `out`; returns its length. */
static size_t write_segment(const uint8_t *p, size_t ip_bytes, size_t header_bytes, size_t offset, size_t bytes,
                            uint32_t index, bool last, uint8_t *out) {
  memcpy(out, p, header_bytes);
  memcpy(out + header_bytes, p + header_bytes + offset, bytes);
  size_t length = header_bytes + bytes;
  uint8_t *tcp = out + ip_bytes;
  size_t address_bytes = (p[0] >> 4) == 4 ? 4 : 16;
  const uint8_t *addresses = out + (address_bytes == 4 ? 12 : 8);
  if (address_bytes == 4) {
    put16(out + 2, (uint16_t)length);
    put16(out + 4, (uint16_t)(get16(p + 4) + index)); /* IP ID counts up per segment, as the kernel does */
    put16(out + 10, 0);
    put16(out + 10, (uint16_t)~ferry_csum_fold(ferry_csum_add(0, out, ip_bytes)));
  } else {
    put16(out + 4, (uint16_t)(length - 40));
  }
  uint32_t seq = ((uint32_t)tcp[4] << 24 | (uint32_t)tcp[5] << 16 | (uint32_t)tcp[6] << 8 | tcp[7]) + (uint32_t)offset;
  tcp[4] = (uint8_t)(seq >> 24), tcp[5] = (uint8_t)(seq >> 16), tcp[6] = (uint8_t)(seq >> 8), tcp[7] = (uint8_t)seq;
  if (!last) tcp[13] &= (uint8_t)~(TCP_FLAG_FIN | TCP_FLAG_PSH);
  if (index > 0) tcp[13] &= (uint8_t)~TCP_FLAG_CWR;
  put16(tcp + 16, 0);
  uint64_t sum = ferry_csum_pseudo(addresses, addresses + address_bytes, address_bytes, 6, (uint32_t)(length - ip_bytes));
  put16(tcp + 16, (uint16_t)~ferry_csum_fold(ferry_csum_add(sum, tcp, length - ip_bytes)));
  return length;
}

/* Emits the pending super-packet's next segments into free arena slots; returns the slots used. */
static uint32_t emit_pending(ferry_io *io, uint32_t slot) {
  ferry_tun_super *s = &io->tun_super;
  const uint8_t *p = s->buffer + FERRY_VNET_HDR_BYTES;
  size_t payload = s->length - s->header_bytes;
  uint32_t used = 0;
  while (s->offset < payload && slot + used < io->batch) {
    size_t bytes = payload - s->offset < s->segment_bytes ? payload - s->offset : s->segment_bytes;
    bool last = s->offset + bytes == payload;
    uint8_t *out = io->arena + (size_t)(slot + used) * io->slot_bytes;
    io->lengths[slot + used] = (int32_t)write_segment(p, s->ip_bytes, s->header_bytes, s->offset, bytes,
                                                       s->index++, last, out);
    s->offset += bytes;
    used++;
  }
  if (s->offset >= payload) s->length = 0;
  return used;
}

/* Puts one read (header + packet) into the arena at `slot`: copied, or queued for splitting. Returns slots used. */
static uint32_t place_read(ferry_io *io, size_t read_bytes, uint32_t slot) {
  ferry_tun_super *s = &io->tun_super;
  struct virtio_net_hdr hdr;
  memcpy(&hdr, s->buffer, sizeof hdr);
  uint8_t *p = s->buffer + FERRY_VNET_HDR_BYTES;
  size_t length = read_bytes - FERRY_VNET_HDR_BYTES;
  uint8_t gso = hdr.gso_type & (uint8_t)~VIRTIO_NET_HDR_GSO_ECN;
  bool tso = gso == VIRTIO_NET_HDR_GSO_TCPV4 || gso == VIRTIO_NET_HDR_GSO_TCPV6;
  size_t ip_bytes, header_bytes;
  if (tso && tcp_layout(p, length, &ip_bytes, &header_bytes) && hdr.gso_size > 0 &&
      header_bytes + hdr.gso_size <= io->slot_bytes) {
    s->length = length;
    s->ip_bytes = ip_bytes;
    s->header_bytes = header_bytes;
    s->segment_bytes = hdr.gso_size;
    s->offset = 0;
    s->index = 0;
    return emit_pending(io, slot);
  }
  if (gso != VIRTIO_NET_HDR_GSO_NONE || length > io->slot_bytes ||
      ((hdr.flags & VIRTIO_NET_HDR_F_NEEDS_CSUM) && !complete_checksum(p, length, &hdr))) {
    io->counters.rx_dropped++;
    return 0;
  }
  memcpy(io->arena + (size_t)slot * io->slot_bytes, p, length);
  io->lengths[slot] = (int32_t)length;
  return 1;
}

uint32_t ferry_tun_drain_offload(ferry_io *io, int *error) {
  ferry_tun_super *s = &io->tun_super;
  if (s->buffer == NULL && (s->buffer = malloc(FERRY_TUN_SUPER_BYTES)) == NULL) {
    *error = ENOMEM;
    return 0;
  }
  uint32_t count = s->length > 0 ? emit_pending(io, 0) : 0;
  while (count < io->batch && s->length == 0) {
    ssize_t n = read(io->fd, s->buffer, FERRY_TUN_SUPER_BYTES);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN) *error = errno;
      break;
    }
    if ((size_t)n <= FERRY_VNET_HDR_BYTES) continue;
    count += place_read(io, (size_t)n, count);
  }
  io->counters.rx_packets += count;
  return count;
}
