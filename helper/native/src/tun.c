/* Linux TUN device (Documentation/networking/tuntap.rst): open with IFF_TUN|IFF_NO_PI, batched
 * non-blocking reads per readiness event, and batched writes that drop (and count) what the kernel refuses. */
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

/* JS: tunOpen(name: string): { handle, name } — `name` may be a pattern such as "ferry%d". */
napi_value ferry_tun_open(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!ferry_args(env, info, 1, argv)) return NULL;
  struct ifreq request;
  memset(&request, 0, sizeof request);
  size_t name_length = 0;
  if (napi_get_value_string_utf8(env, argv[0], NULL, 0, &name_length) != napi_ok) {
    return ferry_throw_type(env, "name must be a string");
  }
  if (name_length == 0 || name_length >= IFNAMSIZ) {
    return ferry_throw_errno(env, EINVAL, "tunOpen (interface names are 1-15 bytes)");
  }
  napi_get_value_string_utf8(env, argv[0], request.ifr_name, IFNAMSIZ, &name_length);
  if (strlen(request.ifr_name) != name_length) {
    return ferry_throw_errno(env, EINVAL, "tunOpen (interface name contains NUL)");
  }
  request.ifr_flags = IFF_TUN | IFF_NO_PI;
  int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return ferry_throw_errno(env, errno, "open /dev/net/tun");
  if (ioctl(fd, TUNSETIFF, &request) < 0) {
    int err = errno;
    close(fd);
    return ferry_throw_errno(env, err, "ioctl TUNSETIFF");
  }
  napi_value handle, result, name;
  if (ferry_io_create(env, fd, 0, tun_drain, &handle) == NULL) {
    close(fd);
    return ferry_throw_errno(env, ENOMEM, "tunOpen");
  }
  NAPI_OK(env, napi_create_object(env, &result));
  NAPI_OK(env, napi_create_string_utf8(env, request.ifr_name, NAPI_AUTO_LENGTH, &name));
  NAPI_OK(env, napi_set_named_property(env, result, "handle", handle));
  NAPI_OK(env, napi_set_named_property(env, result, "name", name));
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

/* JS: tunWrite(handle, packets: Uint8Array[], count: number): number written. A full device drops the
 * rest of the batch rather than blocking the event loop; a malformed packet is skipped. */
napi_value ferry_tun_write(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  if (!ferry_args(env, info, 3, argv)) return NULL;
  ferry_io *io = ferry_io_unwrap(env, argv[0]);
  uint32_t count = 0;
  if (io == NULL || !ferry_get_uint32(env, argv[2], &count, "count")) return NULL;
  uint32_t written = 0, index = 0;
  for (; index < count; index++) {
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
