/* A non-blocking fd (TUN or UDP) owned by a JS External, with a uv_poll reader that drains a batch per
 * readiness event into an arena the JS side provided and calls JS once per batch. */
#include "io-handle.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "napi-util.h"

static void delete_ref(napi_env env, napi_ref *ref) {
  if (*ref == NULL) return;
  napi_delete_reference(env, *ref);
  *ref = NULL;
}

static void free_poll(uv_handle_t *handle) { free(handle); }

/* Stops the reader and closes the fd. libuv requires the poll to stop before the fd is closed. */
static void io_release(napi_env env, ferry_io *io) {
  if (io->poll != NULL) {
    uv_poll_stop(io->poll);
    io->poll->data = NULL;
    uv_close((uv_handle_t *)io->poll, free_poll);
    io->poll = NULL;
  }
  if (io->fd >= 0) {
    close(io->fd);
    io->fd = -1;
  }
  delete_ref(env, &io->callback);
  delete_ref(env, &io->arena_ref);
  delete_ref(env, &io->lengths_ref);
  delete_ref(env, &io->addresses_ref);
  delete_ref(env, &io->self);
  if (io->async_context != NULL) {
    napi_async_destroy(env, io->async_context);
    io->async_context = NULL;
  }
  free(io->msgs);
  free(io->iovecs);
  free(io->names);
  free(io->tun_super.buffer);
  io->tun_super.buffer = NULL;
  io->msgs = NULL;
  io->iovecs = NULL;
  io->names = NULL;
  io->arena = NULL;
  io->lengths = NULL;
  io->addresses = NULL;
}

/* Runs when JS drops a handle it never closed; while the reader runs, `self` keeps the handle alive. */
static void io_finalize(napi_env env, void *data, void *hint) {
  ferry_io *io = data;
  io_release(env, io);
  free(io);
}

ferry_io *ferry_io_create(napi_env env, int fd, int family, ferry_drain_fn drain, napi_value *external) {
  ferry_io *io = calloc(1, sizeof *io);
  if (io == NULL) return NULL;
  io->env = env;
  io->fd = fd;
  io->family = family;
  io->drain = drain;
  if (napi_create_external(env, io, io_finalize, NULL, external) != napi_ok) {
    free(io);
    return NULL;
  }
  return io;
}

static ferry_io *unwrap_any(napi_env env, napi_value value) {
  napi_valuetype type;
  void *data = NULL;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_external ||
      napi_get_value_external(env, value, &data) != napi_ok || data == NULL) {
    ferry_throw_type(env, "handle must be a ferry_native handle");
    return NULL;
  }
  return data;
}

ferry_io *ferry_io_unwrap(napi_env env, napi_value value) {
  ferry_io *io = unwrap_any(env, value);
  if (io != NULL && io->fd < 0) {
    ferry_throw_errno(env, EBADF, "ferry handle (closed)");
    return NULL;
  }
  return io;
}

static void on_poll(uv_poll_t *handle, int status, int events) {
  ferry_io *io = handle->data;
  if (io == NULL) return;
  int error = status < 0 ? -status : 0;
  uint32_t count = error == 0 ? io->drain(io, &error) : 0;
  if (count == 0 && error == 0) return;
  /* A fatal error stops the reader before JS hears of it, so a level-triggered fd cannot spin. */
  if (error != 0) uv_poll_stop(io->poll);
  napi_env env = io->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value callback, argv[2];
  if (napi_get_reference_value(env, io->callback, &callback) == napi_ok && callback != NULL) {
    argv[0] = ferry_make_int(env, count);
    argv[1] = ferry_make_int(env, error);
    /* JS may close the handle inside the callback: `io` is not touched after this call. */
    ferry_call_from_loop(env, io->async_context, callback, 2, argv);
  }
  napi_close_handle_scope(env, scope);
}

typedef struct {
  uint8_t *arena;
  size_t arena_bytes;
  uint32_t slot_bytes;
  int32_t *lengths;
  size_t batch;
  uint8_t *addresses;
  size_t address_bytes;
} start_buffers;

static bool read_start_buffers(napi_env env, napi_value *argv, start_buffers *out) {
  void *arena = NULL, *lengths = NULL;
  napi_typedarray_type type;
  if (napi_get_arraybuffer_info(env, argv[1], &arena, &out->arena_bytes) != napi_ok) {
    ferry_throw_type(env, "arena must be an ArrayBuffer");
    return false;
  }
  if (!ferry_get_uint32(env, argv[2], &out->slot_bytes, "slotBytes")) return false;
  if (napi_get_typedarray_info(env, argv[3], &type, &out->batch, &lengths, NULL, NULL) != napi_ok ||
      type != napi_int32_array) {
    ferry_throw_type(env, "lengths must be an Int32Array");
    return false;
  }
  out->arena = arena;
  out->lengths = lengths;
  out->addresses = NULL;
  out->address_bytes = 0;
  if (!ferry_is_nullish(env, argv[4]) &&
      !ferry_get_bytes(env, argv[4], &out->addresses, &out->address_bytes, "addresses")) {
    return false;
  }
  if (out->batch == 0 || out->batch > FERRY_MAX_BATCH || out->slot_bytes == 0 ||
      out->arena_bytes < out->batch * (size_t)out->slot_bytes ||
      (out->addresses != NULL && out->address_bytes < out->batch * FERRY_ADDRESS_RECORD_BYTES)) {
    ferry_throw_type(env, "arena, lengths or addresses have inconsistent sizes");
    return false;
  }
  return true;
}

static bool allocate_udp_scratch(ferry_io *io) {
  if (io->family == 0) return true;
  io->msgs = calloc(io->batch, sizeof *io->msgs);
  io->iovecs = calloc(io->batch, sizeof *io->iovecs);
  io->names = calloc(io->batch, sizeof *io->names);
  return io->msgs != NULL && io->iovecs != NULL && io->names != NULL;
}

static napi_status make_refs(napi_env env, ferry_io *io, napi_value *argv) {
  napi_status status = napi_create_reference(env, argv[0], 1, &io->self);
  if (status == napi_ok) status = napi_create_reference(env, argv[1], 1, &io->arena_ref);
  if (status == napi_ok) status = napi_create_reference(env, argv[3], 1, &io->lengths_ref);
  if (status == napi_ok && io->addresses != NULL) {
    status = napi_create_reference(env, argv[4], 1, &io->addresses_ref);
  }
  if (status == napi_ok) status = napi_create_reference(env, argv[5], 1, &io->callback);
  napi_value resource, name;
  if (status == napi_ok) status = napi_create_object(env, &resource);
  if (status == napi_ok) status = napi_create_string_utf8(env, "FerryNativeIo", NAPI_AUTO_LENGTH, &name);
  if (status == napi_ok) status = napi_async_init(env, resource, name, &io->async_context);
  return status;
}

napi_value ferry_io_start(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  if (!ferry_args(env, info, 6, argv)) return NULL;
  ferry_io *io = ferry_io_unwrap(env, argv[0]);
  if (io == NULL) return NULL;
  if (io->callback != NULL) return ferry_throw_type(env, "the reader is already started");
  start_buffers buffers;
  if (!read_start_buffers(env, argv, &buffers)) return NULL;
  napi_valuetype type;
  if (napi_typeof(env, argv[5], &type) != napi_ok || type != napi_function) {
    return ferry_throw_type(env, "onBatch must be a function");
  }
  io->arena = buffers.arena;
  io->slot_bytes = buffers.slot_bytes;
  io->batch = (uint32_t)buffers.batch;
  io->lengths = buffers.lengths;
  io->addresses = buffers.addresses;
  if (!allocate_udp_scratch(io)) return ferry_throw_errno(env, ENOMEM, "ioStart");
  NAPI_OK(env, make_refs(env, io, argv));
  uv_loop_t *loop = NULL;
  NAPI_OK(env, napi_get_uv_event_loop(env, &loop));
  io->poll = malloc(sizeof *io->poll);
  if (io->poll == NULL) return ferry_throw_errno(env, ENOMEM, "ioStart");
  int rc = uv_poll_init(loop, io->poll, io->fd);
  if (rc != 0) {
    free(io->poll);
    io->poll = NULL;
    return ferry_throw_errno(env, -rc, "uv_poll_init");
  }
  io->poll->data = io;
  rc = uv_poll_start(io->poll, UV_READABLE, on_poll);
  if (rc != 0) return ferry_throw_errno(env, -rc, "uv_poll_start");
  return NULL;
}

napi_value ferry_io_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!ferry_args(env, info, 1, argv)) return NULL;
  ferry_io *io = unwrap_any(env, argv[0]);
  if (io != NULL) io_release(env, io);
  return NULL;
}

napi_value ferry_io_counters(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  if (!ferry_args(env, info, 1, argv)) return NULL;
  ferry_io *io = unwrap_any(env, argv[0]);
  if (io == NULL) return NULL;
  NAPI_OK(env, napi_create_object(env, &result));
  ferry_set_int(env, result, "rxPackets", (int64_t)io->counters.rx_packets);
  ferry_set_int(env, result, "rxDropped", (int64_t)io->counters.rx_dropped);
  ferry_set_int(env, result, "txPackets", (int64_t)io->counters.tx_packets);
  ferry_set_int(env, result, "txDropped", (int64_t)io->counters.tx_dropped);
  ferry_set_int(env, result, "lastTxErrno", io->counters.last_tx_errno);
  return result;
}
