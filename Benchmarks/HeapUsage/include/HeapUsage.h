#ifndef HEAP_USAGE_H
#define HEAP_USAGE_H

#include <stddef.h>

/// The bytes the process holds in blocks from malloc, over every arena and in mmapped blocks
/// (glibc's mallinfo2, or mallinfo before glibc 2.33: uordblks plus hblkhd); 0 where glibc
/// is not the allocator, which the benchmark then reports as 0 bytes per key.
size_t heap_bytes_in_use(void);

#endif
