/* nanfill: an LD_PRELOAD shim that fills every new allocation (malloc, memalign, posix_memalign,
 * aligned_alloc; calloc stays zeroed, as it must) with 0xFF bytes, which read as NaN in float32
 * and float64. A read of memory that was allocated but never written then turns into NaN on any
 * machine and every run, instead of depending on what the allocator happened to recycle.
 *
 * The model and trainer modules build it (gcc) and run their tests with it preloaded: see
 * AlignedConvolution for the fault it caught, and the parent POM's test.preload property.
 * By hand: gcc -O2 -shared -fPIC -o nanfill.so nanfill.c && LD_PRELOAD=$PWD/nanfill.so java ... */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

void *malloc(size_t size) {
  void *p = __libc_malloc(size);
  if (p) memset(p, 0xFF, size);
  return p;
}

void *memalign(size_t alignment, size_t size) {
  void *p = __libc_memalign(alignment, size);
  if (p) memset(p, 0xFF, size);
  return p;
}

void *aligned_alloc(size_t alignment, size_t size) { return memalign(alignment, size); }

int posix_memalign(void **out, size_t alignment, size_t size) {
  void *p = memalign(alignment, size);
  if (!p) return 12; /* ENOMEM */
  *out = p;
  return 0;
}
