#include "fonts/font_set.hpp"

#include <filesystem>

namespace vanban {

namespace fs = std::filesystem;

namespace {

struct Candidate {
  const char* family;
  std::array<std::array<const char*, 2>, 4> names; // two spellings per face
};

constexpr Candidate kTimes{"Times New Roman",
                           {{{"times.ttf", "Times New Roman.ttf"},
                             {"timesbd.ttf", "Times New Roman Bold.ttf"},
                             {"timesi.ttf", "Times New Roman Italic.ttf"},
                             {"timesbi.ttf", "Times New Roman Bold Italic.ttf"}}}};
constexpr Candidate kLiberation{
    "Liberation Serif",
    {{{"LiberationSerif-Regular.ttf", "LiberationSerif-Regular.ttf"},
      {"LiberationSerif-Bold.ttf", "LiberationSerif-Bold.ttf"},
      {"LiberationSerif-Italic.ttf", "LiberationSerif-Italic.ttf"},
      {"LiberationSerif-BoldItalic.ttf", "LiberationSerif-BoldItalic.ttf"}}}};

std::optional<std::array<std::string, 4>> files_in(const fs::path& folder, const Candidate& c) {
  std::array<std::string, 4> paths;
  for (std::size_t i = 0; i < 4; ++i) {
    bool found = false;
    for (const char* name : c.names[i]) {
      std::error_code ec;
      if (fs::is_regular_file(folder / name, ec)) {
        paths[i] = (folder / name).string();
        found = true;
        break;
      }
    }
    if (!found) {
      return std::nullopt;
    }
  }
  return paths;
}

std::optional<FontSet> load_set(const std::array<std::string, 4>& paths, const char* family,
                                std::string& error) {
  FontSet set;
  set.family = family;
  for (std::size_t i = 0; i < 4; ++i) {
    auto face = FontFace::load(paths[i], error);
    if (!face) {
      error = paths[i] + ": " + error;
      return std::nullopt;
    }
    set.faces[i] = std::move(*face);
  }
  return set;
}

} // namespace

std::optional<FontSet> find_fonts(const std::vector<std::string>& folders, std::string& error) {
  for (const std::string& folder : folders) {
    if (auto paths = files_in(folder, kTimes)) {
      return load_set(*paths, kTimes.family, error);
    }
  }
  for (const char* system :
       {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"}) {
    if (auto paths = files_in(system, kLiberation)) {
      return load_set(*paths, kLiberation.family, error);
    }
  }
  error =
      "no document fonts: put Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) "
      "in fonts/, or install fonts-liberation2";
  return std::nullopt;
}

} // namespace vanban
