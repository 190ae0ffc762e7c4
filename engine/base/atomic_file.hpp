#pragma once
// Writing output so that a reader never sees half a file: the bytes go to a
// temporary file in the same folder, are flushed to disk, then renamed into place.
#include <string>
#include <string_view>

namespace vanban {

/// Write `bytes` to `path` atomically. On failure returns false with `error` set,
/// and no file is left under `path` or under the temporary name.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

/// A fresh temporary name beside `path` (same folder, so a rename is atomic), for
/// writers that must produce the file themselves.
std::string temporary_path(const std::string& path);
/// Flush a finished temporary file to disk and rename it to `path`; on failure the
/// temporary is removed.
bool commit_temporary(const std::string& temporary, const std::string& path, std::string& error);

/// 64-bit FNV-1a digest of text as 16 hex digits (content ids, not security).
std::string content_digest(std::string_view text);

} // namespace vanban
