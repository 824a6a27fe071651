// SHA-256 compression with the x86 SHA extensions, for StorekeeperCore's SHA256.
// Storekeeper's portable Swift implementation is used wherever these are unavailable.
#ifndef C_STOREKEEPER_SHA_H
#define C_STOREKEEPER_SHA_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (and SSSE3 and SSE4.1), else 0.
int storekeeper_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `count` consecutive 64-byte blocks, updating the
/// eight state words in place. Only call it when `storekeeper_sha256_hardware_available()` is 1.
void storekeeper_sha256_compress_hardware(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
