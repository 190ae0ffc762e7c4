// libxlsxwriter zips every workbook part at zlib's default level and offers no
// setting for it. Defining deflateInit_ here, in the program, puts it before libz's
// in the dynamic symbol lookup, so those calls arrive here and go on to zlib at
// level 1: about three times faster, files a few percent larger, output still
// deterministic. (It was written for PoDoFo's font streams; the PDF writer now
// deflates its streams itself, with libdeflate.)
#include <dlfcn.h>
#include <zlib.h>

namespace {

using DeflateInit = int (*)(z_streamp, int, const char*, int);
using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char*, int);

template <typename F> F next_definition(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

int fast(int level) {
  return level == Z_NO_COMPRESSION ? level : Z_BEST_SPEED;
}

} // namespace

extern "C" int deflateInit_(z_streamp strm, int level, const char* version, int stream_size) {
  static const auto real = next_definition<DeflateInit>("deflateInit_");
  return real(strm, fast(level), version, stream_size);
}

extern "C" int deflateInit2_(z_streamp strm, int level, int method, int window_bits, int mem_level,
                             int strategy, const char* version, int stream_size) {
  static const auto real = next_definition<DeflateInit2>("deflateInit2_");
  return real(strm, fast(level), method, window_bits, mem_level, strategy, version, stream_size);
}
