#ifndef NATTER_CZLIB_SHIM_H
#define NATTER_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2/inflateInit2 are macros over the *_ functions with version and size arguments. */
static inline int natter_deflate_init2(z_streamp s, int level, int windowBits, int memLevel) {
    return deflateInit2(s, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY);
}
static inline int natter_inflate_init2(z_streamp s, int windowBits) { return inflateInit2(s, windowBits); }
#endif
