#pragma once
// Writing output so that a reader never sees half a file: the bytes go to a
// temporary file in the same folder, then are renamed into place.
#include <string>
#include <string_view>

namespace vanban {

/// When a written file reaches the disk itself (the rename is atomic either way:
/// a killed process never leaves half a file under the final name).
enum class Flush {
  each_file, ///< fsync before the rename: the file survives a power cut once written
  at_end,    ///< the caller calls flush_file_system once when all files are written:
             ///< a batch of thousands of files would otherwise wait on the disk for each
};

/// Write `bytes` to `path` atomically. On failure returns false with `error` set,
/// and no file is left under `path` or under the temporary name.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error,
                           Flush flush = Flush::each_file);

/// Flush everything written to the file system holding `path` (syncfs).
bool flush_file_system(const std::string& path, std::string& error);

/// A fresh temporary name beside `path` (same folder, so a rename is atomic), for
/// writers that must produce the file themselves.
std::string temporary_path(const std::string& path);
/// Flush a finished temporary file to disk and rename it to `path`; on failure the
/// temporary is removed.
bool commit_temporary(const std::string& temporary, const std::string& path, std::string& error);

/// 64-bit FNV-1a digest of text as 16 hex digits (content ids, not security).
std::string content_digest(std::string_view text);

} // namespace vanban
