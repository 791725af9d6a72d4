/* Conversions between sockaddrs, Ferry's 20-byte address records and IP address text. */
#ifndef FERRY_UDP_ADDRESS_H
#define FERRY_UDP_ADDRESS_H

#include <netinet/in.h>
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

typedef union {
  struct sockaddr any;
  struct sockaddr_in v4;
  struct sockaddr_in6 v6;
} ferry_sockaddr;

/* Writes the record for a received source (IPv4 sources become v4-mapped, family byte 4). */
void ferry_record_from_sockaddr(const struct sockaddr_in6 *name, uint8_t *record);
/* A destination for a socket of `socket_family`; false if an IPv4-only socket is asked for IPv6. */
bool ferry_sockaddr_from_record(const uint8_t *record, int socket_family, ferry_sockaddr *out,
                                socklen_t *length);

/* JS: addressParse(text: string): Uint8Array (16 bytes, IPv4 as v4-mapped) | null */
napi_value ferry_address_parse(napi_env env, napi_callback_info info);
/* JS: addressFormat(bytes: Uint8Array of 16+ bytes): string — v4-mapped addresses as plain dotted IPv4. */
napi_value ferry_address_format(napi_env env, napi_callback_info info);

#endif
