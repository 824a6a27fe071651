#include "HeapUsage.h"

#if defined(__linux__)
#include <malloc.h>
#endif

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)
size_t heap_bytes_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
#elif defined(__GLIBC__)
size_t heap_bytes_in_use(void) {
    // mallinfo's fields are int: right while the heap stays under 2 GiB.
    struct mallinfo info = mallinfo();
    return (size_t)(unsigned)info.uordblks + (size_t)(unsigned)info.hblkhd;
}
#else
size_t heap_bytes_in_use(void) { return 0; }
#endif
