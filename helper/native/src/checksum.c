/* The Internet checksum (RFC 1071) for the TUN offloads: partial sums, folding, the TCP/UDP pseudo-header. */
#include "checksum.h"

#include <string.h>

uint64_t ferry_csum_add(uint64_t sum, const uint8_t *data, size_t length) {
  /* 32-bit big-endian words into a 64-bit accumulator: no carry is lost before the final fold. */
  while (length >= 4) {
    sum += ((uint32_t)data[0] << 24) | ((uint32_t)data[1] << 16) | ((uint32_t)data[2] << 8) | data[3];
    data += 4;
    length -= 4;
  }
  if (length >= 2) {
    sum += ((uint32_t)data[0] << 8) | data[1];
    data += 2;
    length -= 2;
  }
  if (length == 1) sum += (uint32_t)data[0] << 8;
  return sum;
}

uint16_t ferry_csum_fold(uint64_t sum) {
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t)sum;
}

uint64_t ferry_csum_pseudo(const uint8_t *source, const uint8_t *destination, size_t address_bytes,
                           uint8_t protocol, uint32_t l4_length) {
  uint64_t sum = ferry_csum_add(0, source, address_bytes);
  sum = ferry_csum_add(sum, destination, address_bytes);
  return sum + protocol + l4_length;
}
