/* The kernel's process connector (Documentation/driver-api/connector.rst, linux/cn_proc.h): subscribes to
 * CN_IDX_PROC and turns exec and process-fork events into fixed records that io-handle delivers in batches. */
#include "proc-connector.h"

#include <errno.h>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "io-handle.h"
#include "napi-util.h"

/* Room for one netlink message (header, connector header, one proc_event) with space to spare: a newer kernel
 * may send a longer proc_event than these headers describe, and a truncated message would fail NLMSG_OK. */
#define RECEIVE_BUFFER_BYTES 4096

typedef struct {
  uint32_t kind;
  int32_t pid;
  int32_t parent_or_error;
  uint32_t zero;
  uint64_t timestamp_ns;
} proc_record;

_Static_assert(sizeof(proc_record) == FERRY_PROC_RECORD_BYTES, "record layout");

static void put_record(ferry_io *io, uint32_t *count, uint32_t kind, int32_t pid, int32_t other, uint64_t ns) {
  proc_record record = {kind, pid, other, 0, ns};
  memcpy(io->arena + (size_t)*count * io->slot_bytes, &record, sizeof record);
  io->lengths[(*count)++] = FERRY_PROC_RECORD_BYTES;
}

/* Keeps the events the watcher acts on: exec, fork of a new process (not of a thread), and acks. */
static void parse_event(ferry_io *io, uint32_t *count, const struct nlmsghdr *header, size_t length) {
  if (!NLMSG_OK(header, length) || header->nlmsg_len < NLMSG_LENGTH(sizeof(struct cn_msg))) return;
  const struct cn_msg *message = NLMSG_DATA(header);
  if (message->id.idx != CN_IDX_PROC || message->id.val != CN_VAL_PROC) return;
  if (message->len < offsetof(struct proc_event, event_data) + sizeof(struct fork_proc_event)) return;
  const struct proc_event *event = (const struct proc_event *)message->data;
  if (event->what == PROC_EVENT_EXEC) {
    put_record(io, count, FERRY_PROC_KIND_EXEC, event->event_data.exec.process_tgid, 0, event->timestamp_ns);
  } else if (event->what == PROC_EVENT_FORK && event->event_data.fork.child_pid == event->event_data.fork.child_tgid) {
    put_record(io, count, FERRY_PROC_KIND_FORK, event->event_data.fork.child_tgid,
               event->event_data.fork.parent_tgid, event->timestamp_ns);
  } else if (event->what == PROC_EVENT_NONE) {
    put_record(io, count, FERRY_PROC_KIND_ACK, 0, (int32_t)event->event_data.ack.err, event->timestamp_ns);
  }
}

static uint32_t proc_drain(ferry_io *io, int *error) {
  uint32_t count = 0;
  uint8_t buffer[RECEIVE_BUFFER_BYTES] __attribute__((aligned(NLMSG_ALIGNTO)));
  while (count < io->batch) {
    struct sockaddr_nl sender;
    socklen_t sender_length = sizeof sender;
    ssize_t n = recvfrom(io->fd, buffer, sizeof buffer, 0, (struct sockaddr *)&sender, &sender_length);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == ENOBUFS) { /* lost events are reported, not fatal */
        put_record(io, &count, FERRY_PROC_KIND_OVERRUN, 0, ENOBUFS, 0);
        continue;
      }
      if (errno != EAGAIN) *error = errno;
      break;
    }
    io->counters.rx_packets++;
    /* Only the kernel (port 0) speaks for the connector; anything else is ignored. */
    if (sender.nl_pid != 0) continue;
    parse_event(io, &count, (const struct nlmsghdr *)buffer, (size_t)n);
  }
  return count;
}

/* Sends PROC_CN_MCAST_LISTEN; the kernel answers with an ack event (and stays silent for callers outside
 * the initial PID and user namespaces, which the JS side detects by the missing ack). */
static int subscribe(int fd) {
  struct {
    struct nlmsghdr header;
    struct cn_msg message;
    enum proc_cn_mcast_op op;
  } __attribute__((packed)) request;
  memset(&request, 0, sizeof request);
  request.header.nlmsg_len = sizeof request;
  request.header.nlmsg_type = NLMSG_DONE;
  request.header.nlmsg_pid = (uint32_t)getpid();
  request.message.id.idx = CN_IDX_PROC;
  request.message.id.val = CN_VAL_PROC;
  request.message.len = sizeof request.op;
  request.op = PROC_CN_MCAST_LISTEN;
  return send(fd, &request, sizeof request, 0) < 0 ? errno : 0;
}

/* Returns 0 or an errno, naming the failed call in *syscall. */
static int configure(int fd, uint32_t buffer_bytes, const char **syscall) {
  int value = (int)buffer_bytes;
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &value, sizeof value) < 0) {
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &value, sizeof value);
  }
  struct sockaddr_nl local;
  memset(&local, 0, sizeof local);
  local.nl_family = AF_NETLINK;
  local.nl_groups = CN_IDX_PROC;
  *syscall = "bind NETLINK_CONNECTOR";
  if (bind(fd, (struct sockaddr *)&local, sizeof local) < 0) return errno;
  *syscall = "send PROC_CN_MCAST_LISTEN";
  return subscribe(fd);
}

napi_value ferry_proc_connector_open(napi_env env, napi_callback_info info) {
  napi_value argv[1], handle;
  uint32_t buffer_bytes;
  if (!ferry_args(env, info, 1, argv) || !ferry_get_uint32(env, argv[0], &buffer_bytes, "bufferBytes")) {
    return NULL;
  }
  int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_CONNECTOR);
  if (fd < 0) return ferry_throw_errno(env, errno, "socket NETLINK_CONNECTOR");
  const char *syscall = "socket";
  int err = configure(fd, buffer_bytes, &syscall);
  if (err != 0) {
    close(fd);
    return ferry_throw_errno(env, err, syscall);
  }
  if (ferry_io_create(env, fd, 0, proc_drain, &handle) == NULL) {
    close(fd);
    return ferry_throw_errno(env, ENOMEM, "procConnectorOpen");
  }
  return handle;
}
