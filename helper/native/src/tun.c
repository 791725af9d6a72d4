/* Linux TUN device (Documentation/networking/tuntap.rst): open with IFF_TUN|IFF_NO_PI (and IFF_VNET_HDR with TSO
 * when asked: tun-offload.c, tun-gro.c), batched non-blocking reads per readiness event, and batched writes that drop
 * (and count) what the kernel refuses. */
#include "tun.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "io-handle.h"
#include "napi-util.h"
#include "tun-gro.h"
#include "tun-offload.h"

static uint32_t tun_drain(ferry_io *io, int *error) {
  uint32_t count = 0;
  while (count < io->batch) {
    ssize_t n = read(io->fd, io->arena + (size_t)count * io->slot_bytes, io->slot_bytes);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN) *error = errno;
      break;
    }
    io->lengths[count++] = (int32_t)n;
  }
  io->counters.rx_packets += count;
  return count;
}

/* Reads the interface name argument into `request`; false (with a JS exception) if it is unusable. */
static bool read_name(napi_env env, napi_value value, struct ifreq *request) {
  size_t name_length = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &name_length) != napi_ok) {
    ferry_throw_type(env, "name must be a string");
    return false;
  }
  if (name_length == 0 || name_length >= IFNAMSIZ) {
    ferry_throw_errno(env, EINVAL, "tunOpen (interface names are 1-15 bytes)");
    return false;
  }
  napi_get_value_string_utf8(env, value, request->ifr_name, IFNAMSIZ, &name_length);
  if (strlen(request->ifr_name) != name_length) {
    ferry_throw_errno(env, EINVAL, "tunOpen (interface name contains NUL)");
    return false;
  }
  return true;
}

/* Opens /dev/net/tun as `request` says; returns the fd, or -errno naming the failed call in *syscall. */
static int open_device(struct ifreq *request, const char **syscall) {
  *syscall = "open /dev/net/tun";
  int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return -errno;
  *syscall = "ioctl TUNSETIFF";
  if (ioctl(fd, TUNSETIFF, request) == 0) return fd;
  int err = errno;
  close(fd);
  return -err;
}

/* JS: tunOpen(name: string, offload: boolean): { handle, name, offload } — `name` may be a pattern such as
 * "ferry%d"; with `offload`, vnet headers and TSO are asked for and `offload` says whether the kernel agreed. */
napi_value ferry_tun_open(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  struct ifreq request;
  memset(&request, 0, sizeof request);
  bool offload = false;
  if (!ferry_args(env, info, 2, argv) || !read_name(env, argv[0], &request)) return NULL;
  NAPI_OK(env, napi_get_value_bool(env, argv[1], &offload));
  request.ifr_flags = IFF_TUN | IFF_NO_PI | (offload ? IFF_VNET_HDR : 0);
  const char *syscall;
  int fd = open_device(&request, &syscall);
  if (fd >= 0 && offload && !ferry_tun_enable_offload(fd)) {
    /* Without TSO the vnet header is of no use: reopen plainly (the interface is ours until the fd closes). */
    close(fd);
    offload = false;
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    fd = open_device(&request, &syscall);
  }
  if (fd < 0) return ferry_throw_errno(env, -fd, syscall);
  napi_value handle, result, name, offloaded;
  ferry_io *io = ferry_io_create(env, fd, 0, offload ? ferry_tun_drain_offload : tun_drain, &handle);
  if (io == NULL) {
    close(fd);
    return ferry_throw_errno(env, ENOMEM, "tunOpen");
  }
  io->tun_vnet = offload;
  NAPI_OK(env, napi_create_object(env, &result));
  NAPI_OK(env, napi_create_string_utf8(env, request.ifr_name, NAPI_AUTO_LENGTH, &name));
  NAPI_OK(env, napi_get_boolean(env, offload, &offloaded));
  NAPI_OK(env, napi_set_named_property(env, result, "handle", handle));
  NAPI_OK(env, napi_set_named_property(env, result, "name", name));
  NAPI_OK(env, napi_set_named_property(env, result, "offload", offloaded));
  return result;
}

/* Writes one packet; returns 1 if written, 0 if dropped, -1 if the device is full (EAGAIN). */
static int write_packet(ferry_io *io, const uint8_t *data, size_t length) {
  for (;;) {
    if (write(io->fd, data, length) >= 0) return 1;
    if (errno == EINTR) continue;
    io->counters.last_tx_errno = errno;
    return errno == EAGAIN ? -1 : 0;
  }
}

/* Writes packets[from, from+count) through the coalescing writer; false if JS threw. */
static bool write_coalesced(napi_env env, ferry_io *io, napi_value packets, uint32_t from, uint32_t count,
                            uint32_t *written, bool *full) {
  ferry_packet chunk[FERRY_GRO_MAX_PACKETS];
  for (uint32_t i = 0; i < count; i++) {
    napi_value element;
    uint8_t *data;
    if (napi_get_element(env, packets, from + i, &element) != napi_ok) {
      ferry_throw_last_napi_error(env);
      return false;
    }
    if (!ferry_get_bytes(env, element, &data, &chunk[i].length, "packet")) return false;
    chunk[i].data = data;
  }
  *written = ferry_tun_gro_write(io, chunk, count, full);
  return true;
}

/* JS: tunWrite(handle, packets: Uint8Array[], count: number): number written. A full device drops the
 * rest of the batch rather than blocking the event loop; a malformed packet is skipped. */
napi_value ferry_tun_write(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  if (!ferry_args(env, info, 3, argv)) return NULL;
  ferry_io *io = ferry_io_unwrap(env, argv[0]);
  uint32_t count = 0;
  if (io == NULL || !ferry_get_uint32(env, argv[2], &count, "count")) return NULL;
  uint32_t written = 0, index = 0;
  bool full = false;
  while (io->tun_vnet && index < count && !full) {
    uint32_t chunk = count - index < FERRY_GRO_MAX_PACKETS ? count - index : FERRY_GRO_MAX_PACKETS, done = 0;
    if (!write_coalesced(env, io, argv[1], index, chunk, &done, &full)) return NULL;
    written += done;
    index += chunk;
  }
  for (; !io->tun_vnet && index < count; index++) {
    napi_value element;
    uint8_t *data;
    size_t length;
    NAPI_OK(env, napi_get_element(env, argv[1], index, &element));
    if (!ferry_get_bytes(env, element, &data, &length, "packet")) return NULL;
    int outcome = write_packet(io, data, length);
    if (outcome < 0) break;
    written += (uint32_t)outcome;
  }
  io->counters.tx_packets += written;
  io->counters.tx_dropped += count - written;
  return ferry_make_int(env, written);
}
