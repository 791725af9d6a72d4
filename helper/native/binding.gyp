# Builds ferry_native.node, Ferry's N-API addon (TUN, batched UDP, SO_MARK, SO_PEERCRED, process connector) for Linux.
{
  "targets": [
    {
      "target_name": "ferry_native",
      "sources": [
        "src/addon.c",
        "src/napi-util.c",
        "src/io-handle.c",
        "src/tun.c",
        "src/tun-offload.c",
        "src/tun-gro.c",
        "src/checksum.c",
        "src/udp.c",
        "src/udp-send.c",
        "src/udp-address.c",
        "src/sockopt.c",
        "src/proc-connector.c"
      ],
      "defines": ["NAPI_VERSION=8", "_GNU_SOURCE"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter", "-std=gnu11"]
    }
  ]
}
