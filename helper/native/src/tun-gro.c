/* Coalesced TUN writes: TCP segments that continue one another (same flow, headers and options, contiguous
 * sequence numbers, equal sizes but the last) become one GSO write, like the kernel's tcp_gro_receive. */
#include "tun-gro.h"

#include <errno.h>
#include <linux/virtio_net.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "checksum.h"

#define GRO_MAX_SEGMENTS 64
#define GRO_MAX_BYTES 65535
#define GRO_LOOKBACK 8 /* open groups searched for a packet's flow */
#define TCP_FLAG_ACK 0x10
#define TCP_FLAG_PSH 0x08

typedef struct {
  uint32_t first, count;
  uint32_t ip_bytes, header_bytes, segment_bytes, payload_bytes;
  uint32_t next_seq;
  bool open;
  bool tcp; /* a TCP packet: later segments of its flow must not be put before it */
} gro_group;

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* IP header bytes of a TCP packet we could coalesce (IPv4 without options or fragments, IPv6 without extension
 * headers), else 0. */
static uint32_t tcp_ip_bytes(const ferry_packet *p) {
  const uint8_t *d = p->data;
  if (p->length >= 40 && d[0] == 0x45 && d[9] == 6 && (d[6] & 0x3f) == 0 && d[7] == 0) return 20;
  if (p->length >= 60 && (d[0] >> 4) == 6 && d[6] == 6) return 40;
  return 0;
}

/* True when the packet's TCP checksum verifies: a coalesced write is trusted by the kernel without a check. */
static bool checksum_ok(const ferry_packet *p, uint32_t ip_bytes) {
  uint32_t address_bytes = ip_bytes == 20 ? 4 : 16;
  const uint8_t *source = p->data + (ip_bytes == 20 ? 12 : 8);
  uint32_t l4 = (uint32_t)p->length - ip_bytes;
  uint64_t sum = ferry_csum_pseudo(source, source + address_bytes, address_bytes, 6, l4);
  return ferry_csum_fold(ferry_csum_add(sum, p->data + ip_bytes, l4)) == 0xffff;
}

/* The length the IP header claims (IPv4 total length, IPv6 payload length + 40). */
static size_t claimed_length(const uint8_t *d, uint32_t ip_bytes) {
  return ip_bytes == 20 ? (size_t)(d[2] << 8 | d[3]) : (size_t)(d[4] << 8 | d[5]) + 40;
}

/* Fills a group for packet `index`; open when it is a data segment (ACK, maybe PSH, payload) later ones may join. */
static gro_group start_group(const ferry_packet *packets, uint32_t index) {
  const ferry_packet *p = &packets[index];
  gro_group g = {.first = index, .count = 1};
  uint32_t ip_bytes = tcp_ip_bytes(p);
  if (ip_bytes == 0) return g;
  g.tcp = true;
  g.ip_bytes = ip_bytes;
  const uint8_t *tcp = p->data + ip_bytes;
  uint32_t header_bytes = ip_bytes + (uint32_t)(tcp[12] >> 4) * 4;
  if (header_bytes < ip_bytes + 20 || header_bytes >= p->length || (tcp[13] & ~TCP_FLAG_PSH) != TCP_FLAG_ACK ||
      claimed_length(p->data, ip_bytes) != p->length || !checksum_ok(p, ip_bytes)) {
    return g;
  }
  g.header_bytes = header_bytes;
  g.segment_bytes = g.payload_bytes = (uint32_t)p->length - header_bytes;
  g.next_seq = be32(tcp + 4) + g.segment_bytes;
  g.open = (tcp[13] & TCP_FLAG_PSH) == 0;
  return g;
}

/* Same flow: addresses and ports. */
static bool same_flow(const ferry_packet *a, const ferry_packet *b, uint32_t ip_bytes) {
  uint32_t from = ip_bytes == 20 ? 12 : 8;
  return memcmp(a->data + from, b->data + from, ip_bytes - from + 4) == 0;
}

/* Packet `p` (already a valid data segment in `candidate`) continues group `g`: equal IP fields that GRO keeps,
 * equal TCP ack, window and options, the next sequence number, no longer than the first and within 64 KiB. */
static bool continues(const gro_group *g, const ferry_packet *first, const gro_group *candidate, const ferry_packet *p) {
  if (!g->open || candidate->header_bytes != g->header_bytes || candidate->ip_bytes != g->ip_bytes) return false;
  const uint8_t *a = first->data, *b = p->data;
  bool ip_same = g->ip_bytes == 20 ? a[1] == b[1] && a[8] == b[8] && (a[6] & 0xe0) == (b[6] & 0xe0)
                                   : memcmp(a, b, 4) == 0 && a[7] == b[7];
  const uint8_t *ta = a + g->ip_bytes, *tb = b + g->ip_bytes;
  return ip_same && memcmp(ta + 8, tb + 8, 4) == 0 && memcmp(ta + 14, tb + 14, 2) == 0 &&
         memcmp(ta + 20, tb + 20, g->header_bytes - g->ip_bytes - 20) == 0 && be32(tb + 4) == g->next_seq &&
         candidate->segment_bytes <= g->segment_bytes && g->payload_bytes == g->count * g->segment_bytes &&
         g->count < GRO_MAX_SEGMENTS && g->header_bytes + g->payload_bytes + candidate->segment_bytes <= GRO_MAX_BYTES;
}

/* Groups the packets in order; returns the number of groups. */
static uint32_t build_groups(const ferry_packet *packets, uint32_t count, gro_group *groups) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < count; i++) {
    gro_group candidate = start_group(packets, i);
    gro_group *flow = NULL;
    for (uint32_t j = n; j > 0 && n - j < GRO_LOOKBACK && candidate.tcp; j--) {
      gro_group *g = &groups[j - 1];
      if (g->tcp && g->ip_bytes == candidate.ip_bytes && same_flow(&packets[g->first], &packets[i], g->ip_bytes)) {
        flow = g;
        break;
      }
    }
    if (flow != NULL && candidate.header_bytes > 0 && continues(flow, &packets[flow->first], &candidate, &packets[i])) {
      flow->count++;
      flow->payload_bytes += candidate.segment_bytes;
      flow->next_seq += candidate.segment_bytes;
      flow->open = (packets[i].data[flow->ip_bytes + 13] & TCP_FLAG_PSH) == 0;
      continue;
    }
    if (flow != NULL) flow->open = false;
    groups[n++] = candidate;
  }
  return n;
}

/* Headers of the coalesced packet: the first segment's, with the total length, the last segment's PSH and the
 * pseudo-header sum in the TCP checksum field (CHECKSUM_PARTIAL: the kernel trusts and finishes it). */
static void coalesced_headers(const ferry_packet *packets, const gro_group *g, uint8_t *out, struct virtio_net_hdr *hdr) {
  const ferry_packet *first = &packets[g->first], *last = &packets[g->first + g->count - 1];
  uint32_t length = g->header_bytes + g->payload_bytes;
  memcpy(out, first->data, g->header_bytes);
  uint8_t *tcp = out + g->ip_bytes;
  tcp[13] |= last->data[g->ip_bytes + 13] & TCP_FLAG_PSH;
  uint32_t address_bytes = g->ip_bytes == 20 ? 4 : 16;
  const uint8_t *source = out + (g->ip_bytes == 20 ? 12 : 8);
  if (g->ip_bytes == 20) {
    put16(out + 2, (uint16_t)length);
    put16(out + 10, 0);
    put16(out + 10, (uint16_t)~ferry_csum_fold(ferry_csum_add(0, out, 20)));
  } else {
    put16(out + 4, (uint16_t)(length - 40));
  }
  put16(tcp + 16, ferry_csum_fold(ferry_csum_pseudo(source, source + address_bytes, address_bytes, 6, length - g->ip_bytes)));
  *hdr = (struct virtio_net_hdr){
      .flags = VIRTIO_NET_HDR_F_NEEDS_CSUM,
      .gso_type = g->ip_bytes == 20 ? VIRTIO_NET_HDR_GSO_TCPV4 : VIRTIO_NET_HDR_GSO_TCPV6,
      .hdr_len = (uint16_t)g->header_bytes, .gso_size = (uint16_t)g->segment_bytes,
      .csum_start = (uint16_t)g->ip_bytes, .csum_offset = 16};
}

/* One writev; returns 1 written, 0 refused, -1 device full (EAGAIN). */
static int write_vector(ferry_io *io, const struct iovec *iov, int count) {
  for (;;) {
    if (writev(io->fd, iov, count) >= 0) return 1;
    if (errno == EINTR) continue;
    io->counters.last_tx_errno = errno;
    return errno == EAGAIN ? -1 : 0;
  }
}

/* Writes one group: a single packet behind an empty virtio header, or the coalesced super-packet. */
static int write_group(ferry_io *io, const ferry_packet *packets, const gro_group *g) {
  struct virtio_net_hdr hdr = {0};
  uint8_t headers[120];
  struct iovec iov[GRO_MAX_SEGMENTS + 2];
  iov[0] = (struct iovec){.iov_base = &hdr, .iov_len = sizeof hdr};
  if (g->count == 1) {
    iov[1] = (struct iovec){.iov_base = (void *)packets[g->first].data, .iov_len = packets[g->first].length};
    return write_vector(io, iov, 2);
  }
  coalesced_headers(packets, g, headers, &hdr);
  iov[1] = (struct iovec){.iov_base = headers, .iov_len = g->header_bytes};
  for (uint32_t i = 0; i < g->count; i++) {
    const ferry_packet *p = &packets[g->first + i];
    iov[i + 2] = (struct iovec){.iov_base = (void *)(p->data + g->header_bytes), .iov_len = p->length - g->header_bytes};
  }
  return write_vector(io, iov, (int)g->count + 2);
}

uint32_t ferry_tun_gro_write(ferry_io *io, const ferry_packet *packets, uint32_t count, bool *full) {
  gro_group groups[FERRY_GRO_MAX_PACKETS];
  uint32_t n = build_groups(packets, count, groups), written = 0;
  for (uint32_t i = 0; i < n; i++) {
    int outcome = write_group(io, packets, &groups[i]);
    if (outcome < 0) {
      *full = true;
      break;
    }
    if (outcome > 0) written += groups[i].count;
  }
  return written;
}
