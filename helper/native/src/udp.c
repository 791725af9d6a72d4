/* Native dual-stack UDP socket: SO_MARK, big buffers, recvmmsg batches (via io-handle), sendmmsg batches.
 * Socket set-up follows wireguard-go's conn/bind_std.go and conn/controlfns_linux.go. */
#include "udp.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "io-handle.h"
#include "napi-util.h"
#include "udp-address.h"

#define SEND_CHUNK 128

typedef struct {
  uint32_t port;
  uint32_t fwmark;
  uint32_t buffer_bytes;
} udp_options;

/* A full kernel buffer is not worth failing the socket for: try the privileged FORCE option, then the
 * capped one (net.core.[rw]mem_max), then keep the default. */
static void set_buffer(int fd, int force_option, int option, uint32_t bytes) {
  int value = (int)bytes;
  if (setsockopt(fd, SOL_SOCKET, force_option, &value, sizeof value) == 0) return;
  setsockopt(fd, SOL_SOCKET, option, &value, sizeof value);
}

/* Returns 0 or an errno, naming the failed call in *syscall. */
static int configure_and_bind(int fd, int family, const udp_options *options, const char **syscall) {
  int off = 0;
  *syscall = "setsockopt IPV6_V6ONLY";
  if (family == AF_INET6 && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) < 0) return errno;
  set_buffer(fd, SO_RCVBUFFORCE, SO_RCVBUF, options->buffer_bytes);
  set_buffer(fd, SO_SNDBUFFORCE, SO_SNDBUF, options->buffer_bytes);
  *syscall = "setsockopt SO_MARK";
  if (options->fwmark != 0 &&
      setsockopt(fd, SOL_SOCKET, SO_MARK, &options->fwmark, sizeof options->fwmark) < 0) {
    return errno;
  }
  ferry_sockaddr local;
  memset(&local, 0, sizeof local);
  socklen_t length = family == AF_INET6 ? sizeof local.v6 : sizeof local.v4;
  local.any.sa_family = (sa_family_t)family;
  local.v4.sin_port = htons((uint16_t)options->port); /* sin_port and sin6_port share an offset */
  *syscall = "bind";
  return bind(fd, &local.any, length) < 0 ? errno : 0;
}

static bool no_ipv6(int err) { return err == EAFNOSUPPORT || err == EADDRNOTAVAIL || err == EPROTONOSUPPORT; }

/* Opens an IPv6 dual-stack socket, or an IPv4 one where IPv6 is missing. Returns fd or -errno. */
static int open_socket(const udp_options *options, int *family, const char **syscall) {
  int families[2] = {AF_INET6, AF_INET};
  int err = 0;
  for (int i = 0; i < 2; i++) {
    *family = families[i];
    *syscall = "socket";
    int fd = socket(*family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    err = fd < 0 ? errno : configure_and_bind(fd, *family, options, syscall);
    if (err == 0) return fd;
    if (fd >= 0) close(fd);
    if (*family == AF_INET6 && !no_ipv6(err)) break;
  }
  return -err;
}

static bool transient_receive_error(int err) {
  return err == ECONNREFUSED || err == EHOSTUNREACH || err == ENETUNREACH || err == EHOSTDOWN ||
         err == ENETDOWN || err == EPROTO;
}

static uint32_t udp_drain(ferry_io *io, int *error) {
  for (uint32_t i = 0; i < io->batch; i++) {
    io->iovecs[i].iov_base = io->arena + (size_t)i * io->slot_bytes;
    io->iovecs[i].iov_len = io->slot_bytes;
    memset(&io->msgs[i], 0, sizeof io->msgs[i]);
    io->msgs[i].msg_hdr.msg_name = &io->names[i];
    io->msgs[i].msg_hdr.msg_namelen = sizeof io->names[i];
    io->msgs[i].msg_hdr.msg_iov = &io->iovecs[i];
    io->msgs[i].msg_hdr.msg_iovlen = 1;
  }
  int received;
  do received = recvmmsg(io->fd, io->msgs, io->batch, MSG_DONTWAIT, NULL);
  while (received < 0 && errno == EINTR);
  if (received < 0) {
    if (errno != EAGAIN && !transient_receive_error(errno)) *error = errno;
    return 0;
  }
  for (int i = 0; i < received; i++) {
    bool truncated = (io->msgs[i].msg_hdr.msg_flags & MSG_TRUNC) != 0;
    io->lengths[i] = truncated ? -1 : (int32_t)io->msgs[i].msg_len;
    if (io->addresses != NULL) {
      ferry_record_from_sockaddr(&io->names[i], io->addresses + (size_t)i * FERRY_ADDRESS_RECORD_BYTES);
    }
    if (truncated) io->counters.rx_dropped++;
    else io->counters.rx_packets++;
  }
  return (uint32_t)received;
}

/* JS: udpOpen(port, fwmark, bufferBytes): { handle, port, family: 4 | 6 } */
napi_value ferry_udp_open(napi_env env, napi_callback_info info) {
  napi_value argv[3], handle, result;
  udp_options options;
  if (!ferry_args(env, info, 3, argv) || !ferry_get_uint32(env, argv[0], &options.port, "port") ||
      !ferry_get_uint32(env, argv[1], &options.fwmark, "fwmark") ||
      !ferry_get_uint32(env, argv[2], &options.buffer_bytes, "bufferBytes")) {
    return NULL;
  }
  if (options.port > 65535) return ferry_throw_errno(env, EINVAL, "udpOpen (port > 65535)");
  int family = 0;
  const char *syscall = "socket";
  int fd = open_socket(&options, &family, &syscall);
  if (fd < 0) return ferry_throw_errno(env, -fd, syscall);
  ferry_sockaddr local;
  socklen_t length = sizeof local;
  if (getsockname(fd, &local.any, &length) < 0) {
    int err = errno;
    close(fd);
    return ferry_throw_errno(env, err, "getsockname");
  }
  if (ferry_io_create(env, fd, family, udp_drain, &handle) == NULL) {
    close(fd);
    return ferry_throw_errno(env, ENOMEM, "udpOpen");
  }
  NAPI_OK(env, napi_create_object(env, &result));
  NAPI_OK(env, napi_set_named_property(env, result, "handle", handle));
  ferry_set_int(env, result, "port", ntohs(local.v4.sin_port));
  ferry_set_int(env, result, "family", family == AF_INET6 ? 6 : 4);
  return result;
}

typedef struct {
  uint32_t sent;
  uint32_t dropped;
  bool full;
} send_tally;

/* One chunk: sendmmsg sends a prefix; the first unsent datagram is then either refused on its own
 * (skip it: EMSGSIZE, ENETUNREACH, EPERM from a firewall…) or the socket is full (drop the rest). */
static void send_chunk(ferry_io *io, struct mmsghdr *msgs, uint32_t count, send_tally *tally) {
  uint32_t at = 0;
  while (at < count) {
    int sent = sendmmsg(io->fd, msgs + at, count - at, MSG_DONTWAIT);
    if (sent > 0) {
      at += (uint32_t)sent;
      tally->sent += (uint32_t)sent;
      continue;
    }
    if (sent < 0 && errno == EINTR) continue;
    io->counters.last_tx_errno = errno;
    if (errno == EAGAIN || errno == ENOBUFS) {
      tally->dropped += count - at;
      tally->full = true;
      return;
    }
    tally->dropped++;
    at++;
  }
}

typedef struct {
  struct mmsghdr msgs[SEND_CHUNK];
  struct iovec iovecs[SEND_CHUNK];
  ferry_sockaddr names[SEND_CHUNK];
} send_scratch;

/* Fills up to SEND_CHUNK messages from datagrams[*index...]; returns how many, or -1 if JS threw. */
static int fill_chunk(napi_env env, ferry_io *io, napi_value datagrams, const uint8_t *records,
                      uint32_t count, uint32_t *index, send_scratch *scratch, send_tally *tally) {
  uint32_t filled = 0;
  for (; filled < SEND_CHUNK && *index < count; (*index)++) {
    napi_value element;
    uint8_t *data;
    size_t length;
    if (napi_get_element(env, datagrams, *index, &element) != napi_ok) return -1;
    if (!ferry_get_bytes(env, element, &data, &length, "datagram")) return -1;
    ferry_sockaddr *name = &scratch->names[filled];
    socklen_t name_length;
    if (!ferry_sockaddr_from_record(records + (size_t)*index * FERRY_ADDRESS_RECORD_BYTES, io->family,
                                    name, &name_length)) {
      io->counters.last_tx_errno = EAFNOSUPPORT;
      tally->dropped++;
      continue;
    }
    scratch->iovecs[filled] = (struct iovec){.iov_base = data, .iov_len = length};
    memset(&scratch->msgs[filled], 0, sizeof scratch->msgs[filled]);
    scratch->msgs[filled].msg_hdr.msg_name = name;
    scratch->msgs[filled].msg_hdr.msg_namelen = name_length;
    scratch->msgs[filled].msg_hdr.msg_iov = &scratch->iovecs[filled];
    scratch->msgs[filled].msg_hdr.msg_iovlen = 1;
    filled++;
  }
  return (int)filled;
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
    int filled = fill_chunk(env, io, argv[1], records, count, &index, &scratch, &tally);
    if (filled < 0) return NULL;
    send_chunk(io, scratch.msgs, (uint32_t)filled, &tally);
  }
  tally.dropped += count - index;
  io->counters.tx_packets += tally.sent;
  io->counters.tx_dropped += tally.dropped;
  return ferry_make_int(env, tally.sent);
}
