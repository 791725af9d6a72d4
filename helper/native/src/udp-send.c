/* Batched UDP sending: sendmmsg chunks in which runs of equal-sized datagrams to one destination travel as one UDP
 * GSO message (UDP_SEGMENT, as wireguard-go's conn/gso_linux.go), so the stack is walked once per run. */
#include <errno.h>
#include <netinet/udp.h>
#include <string.h>
#include <sys/socket.h>

#include "io-handle.h"
#include "napi-util.h"
#include "udp-address.h"
#include "udp.h"

#define SEND_CHUNK 128      /* messages, and iovecs, per sendmmsg */
#define GSO_MAX_SEGMENTS 64 /* wireguard-go's udpSegmentMaxDatagrams */
#define GSO_MAX_BYTES 65000 /* one IP datagram (64 KiB) minus headers */

typedef struct {
  uint32_t sent;
  uint32_t dropped;
  bool full;
} send_tally;

typedef union {
  char bytes[CMSG_SPACE(sizeof(uint16_t))];
  struct cmsghdr align;
} gso_control;

typedef struct {
  struct mmsghdr msgs[SEND_CHUNK];
  struct iovec iovecs[SEND_CHUNK];
  ferry_sockaddr names[SEND_CHUNK];
  gso_control controls[SEND_CHUNK];
  uint32_t messages;
  uint32_t iovecs_used;
  const uint8_t *open_record; /* destination record of the last message */
} send_scratch;

/* True when a datagram of `length` to `record` may join the last message as one more GSO segment: same
 * destination, no longer than the first segment, and no short segment (which must come last) before it. */
static bool continues_run(const send_scratch *s, size_t length, const uint8_t *record) {
  if (s->messages == 0) return false;
  const struct msghdr *h = &s->msgs[s->messages - 1].msg_hdr;
  size_t segment = h->msg_iov[0].iov_len;
  size_t count = h->msg_iovlen;
  return length <= segment && h->msg_iov[count - 1].iov_len == segment && count < GSO_MAX_SEGMENTS &&
         count * segment + length <= GSO_MAX_BYTES && memcmp(record, s->open_record, FERRY_ADDRESS_RECORD_BYTES) == 0;
}

static void set_segment_size(send_scratch *s, struct msghdr *h) {
  gso_control *control = &s->controls[s->messages - 1];
  memset(control, 0, sizeof *control);
  h->msg_control = control->bytes;
  h->msg_controllen = sizeof control->bytes;
  struct cmsghdr *cmsg = CMSG_FIRSTHDR(h);
  cmsg->cmsg_level = SOL_UDP;
  cmsg->cmsg_type = UDP_SEGMENT;
  cmsg->cmsg_len = CMSG_LEN(sizeof(uint16_t));
  uint16_t segment = (uint16_t)h->msg_iov[0].iov_len;
  memcpy(CMSG_DATA(cmsg), &segment, sizeof segment);
}

/* Adds one datagram to the chunk; false (nothing added) when the chunk is full. */
static bool add_datagram(ferry_io *io, send_scratch *s, uint8_t *data, size_t length, const uint8_t *record,
                         send_tally *tally) {
  if (s->iovecs_used == SEND_CHUNK) return false;
  struct iovec *iov = &s->iovecs[s->iovecs_used];
  *iov = (struct iovec){.iov_base = data, .iov_len = length};
  if (io->udp_gso && continues_run(s, length, record)) {
    struct msghdr *h = &s->msgs[s->messages - 1].msg_hdr;
    if (h->msg_iovlen++ == 1) set_segment_size(s, h);
    s->iovecs_used++;
    return true;
  }
  if (s->messages == SEND_CHUNK) return false;
  ferry_sockaddr *name = &s->names[s->messages];
  socklen_t name_length;
  if (!ferry_sockaddr_from_record(record, io->family, name, &name_length)) {
    io->counters.last_tx_errno = EAFNOSUPPORT;
    tally->dropped++;
    return true;
  }
  struct msghdr *h = &s->msgs[s->messages++].msg_hdr;
  memset(h, 0, sizeof *h);
  *h = (struct msghdr){.msg_name = name, .msg_namelen = name_length, .msg_iov = iov, .msg_iovlen = 1};
  s->iovecs_used++;
  s->open_record = record;
  return true;
}

/* A GSO message the kernel refused: its datagrams one by one. EIO means the route's device cannot checksum
 * for us, so GSO stays off for this socket (wireguard-go does the same). */
static void send_each(ferry_io *io, const struct msghdr *gso, int err, send_tally *tally) {
  if (err == EIO) io->udp_gso = false;
  for (size_t i = 0; i < gso->msg_iovlen; i++) {
    struct msghdr h = {.msg_name = gso->msg_name, .msg_namelen = gso->msg_namelen,
                       .msg_iov = &gso->msg_iov[i], .msg_iovlen = 1};
    ssize_t sent;
    do sent = sendmsg(io->fd, &h, MSG_DONTWAIT);
    while (sent < 0 && errno == EINTR);
    if (sent >= 0) tally->sent++;
    else tally->dropped++;
  }
}

/* sendmmsg sends a prefix; the first unsent message is then refused on its own (skip it: EMSGSIZE, ENETUNREACH,
 * EPERM from a firewall…; a GSO message is retried unsegmented) or the socket is full (drop the rest). */
static void send_chunk(ferry_io *io, send_scratch *s, send_tally *tally) {
  uint32_t at = 0;
  while (at < s->messages) {
    int sent = sendmmsg(io->fd, s->msgs + at, s->messages - at, MSG_DONTWAIT);
    if (sent < 0 && errno == EINTR) continue;
    for (int i = 0; i < sent; i++) tally->sent += (uint32_t)s->msgs[at + i].msg_hdr.msg_iovlen;
    if (sent > 0) {
      at += (uint32_t)sent;
      continue;
    }
    int err = errno;
    const struct msghdr *h = &s->msgs[at].msg_hdr;
    io->counters.last_tx_errno = err;
    if (err == EAGAIN || err == ENOBUFS) {
      for (; at < s->messages; at++) tally->dropped += (uint32_t)s->msgs[at].msg_hdr.msg_iovlen;
      tally->full = true;
      return;
    }
    if (h->msg_iovlen > 1) send_each(io, h, err, tally);
    else tally->dropped++;
    at++;
  }
}

/* Fills one chunk from datagrams[*index...]; false if JS threw. */
static bool fill_chunk(napi_env env, ferry_io *io, napi_value datagrams, const uint8_t *records, uint32_t count,
                       uint32_t *index, send_scratch *s, send_tally *tally) {
  s->messages = 0;
  s->iovecs_used = 0;
  for (; *index < count; (*index)++) {
    napi_value element;
    uint8_t *data;
    size_t length;
    if (napi_get_element(env, datagrams, *index, &element) != napi_ok) return false;
    if (!ferry_get_bytes(env, element, &data, &length, "datagram")) return false;
    const uint8_t *record = records + (size_t)*index * FERRY_ADDRESS_RECORD_BYTES;
    if (!add_datagram(io, s, data, length, record, tally)) break;
  }
  return true;
}

/* JS: udpSend(handle, datagrams: Uint8Array[], destinations: Uint8Array (20-byte records), count): number
 * sent. Never blocks: what the socket cannot take now is dropped and counted, as a full NIC queue would. */
napi_value ferry_udp_send(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!ferry_args(env, info, 4, argv)) return NULL;
  ferry_io *io = ferry_io_unwrap(env, argv[0]);
  uint8_t *records;
  size_t records_length;
  uint32_t count = 0;
  if (io == NULL || !ferry_get_bytes(env, argv[2], &records, &records_length, "destinations") ||
      !ferry_get_uint32(env, argv[3], &count, "count")) {
    return NULL;
  }
  if (records_length < (size_t)count * FERRY_ADDRESS_RECORD_BYTES) {
    return ferry_throw_type(env, "destinations holds fewer records than count");
  }
  send_scratch scratch;
  send_tally tally = {0, 0, false};
  uint32_t index = 0;
  while (index < count && !tally.full) {
    if (!fill_chunk(env, io, argv[1], records, count, &index, &scratch, &tally)) return NULL;
    send_chunk(io, &scratch, &tally);
  }
  tally.dropped += count - index;
  io->counters.tx_packets += tally.sent;
  io->counters.tx_dropped += tally.dropped;
  return ferry_make_int(env, tally.sent);
}
