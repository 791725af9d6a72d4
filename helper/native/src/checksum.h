/* The Internet checksum (RFC 1071) for the TUN offloads: partial sums, folding, the TCP/UDP pseudo-header. */
#ifndef FERRY_CHECKSUM_H
#define FERRY_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* Adds `length` bytes to a running 64-bit one's-complement sum (big-endian 16-bit words). */
uint64_t ferry_csum_add(uint64_t sum, const uint8_t *data, size_t length);
/* Folds a running sum to 16 bits (not complemented). */
uint16_t ferry_csum_fold(uint64_t sum);
/* The pseudo-header sum: addresses (4 or 16 bytes each), protocol and L4 length. */
uint64_t ferry_csum_pseudo(const uint8_t *source, const uint8_t *destination, size_t address_bytes,
                           uint8_t protocol, uint32_t l4_length);

#endif
