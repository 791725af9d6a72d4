/* Native dual-stack UDP socket: SO_MARK, big buffers, recvmmsg batches (via io-handle); sending is udp-send.c.
 * Socket set-up follows wireguard-go's conn/bind_std.go and conn/controlfns_linux.go. */
#include "udp.h"

#include <errno.h>
#include <netinet/udp.h>
#include <string.h>
#include <unistd.h>

#include "io-handle.h"
#include "napi-util.h"
#include "udp-address.h"

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
  ferry_io *io = ferry_io_create(env, fd, family, udp_drain, &handle);
  if (io == NULL) {
    close(fd);
    return ferry_throw_errno(env, ENOMEM, "udpOpen");
  }
  /* Setting segment size 0 (off) succeeds exactly where the kernel knows UDP GSO (Linux 4.18+). */
  int no_segment = 0;
  io->udp_gso = setsockopt(fd, SOL_UDP, UDP_SEGMENT, &no_segment, sizeof no_segment) == 0;
  NAPI_OK(env, napi_create_object(env, &result));
  NAPI_OK(env, napi_set_named_property(env, result, "handle", handle));
  ferry_set_int(env, result, "port", ntohs(local.v4.sin_port));
  ferry_set_int(env, result, "family", family == AF_INET6 ? 6 : 4);
  return result;
}
