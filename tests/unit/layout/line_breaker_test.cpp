#include <catch2/catch.hpp>

#include "layout/line_breaker.hpp"

using namespace vanban;

namespace {
WordRow row(std::vector<double> words, double space = 1) {
  WordRow r;
  r.words = std::move(words);
  r.spaces.assign(r.words.size(), space);
  return r;
}
} // namespace

TEST_CASE("greedy fills lines as far as they go") {
  auto starts = break_greedy(row({3, 3, 3, 3}), 7, 7);
  CHECK(starts == std::vector<std::size_t>{0, 2});
}

TEST_CASE("total fit avoids a very loose line that greedy would leave") {
  // Greedy: "aaa bb" | "cccccc d" would leave a short first line stretched;
  // total fit evens the lines out.
  WordRow r = row({4, 4, 2, 7, 3, 4, 4, 4}, 1);
  auto greedy = break_greedy(r, 10, 10);
  auto fit = break_total_fit(r, 10, 10);
  REQUIRE(fit.front() == 0);
  // No line of the total fit is overfull.
  for (std::size_t k = 0; k < fit.size(); ++k) {
    std::size_t end = k + 1 < fit.size() ? fit[k + 1] : r.words.size();
    CHECK(natural_width(r, fit[k], end) - (end - fit[k] - 1) * (1.0 / 3.0) <= 10 + 1e-9);
  }
  CHECK(fit.size() <= greedy.size() + 1);
}

TEST_CASE("total fit keeps the first-line indent") {
  WordRow r = row({5, 5, 5, 5}, 1);
  auto starts = break_total_fit(r, 6, 11);
  CHECK(starts == std::vector<std::size_t>{0, 1, 3});
}

TEST_CASE("a single word per line is still set") {
  WordRow r = row({10, 10, 10}, 1);
  CHECK(break_total_fit(r, 10, 10).size() == 3);
}

TEST_CASE("balanced breaking evens out two lines") {
  // "ĐẢNG ỦY PHƯỜNG QUỐC TỬ GIÁM" too wide for one line: greedy would put four words on
  // the first line and two on the second; balanced splits three and three.
  WordRow r = row({5, 3, 7, 5, 3, 4}, 1);
  double width = 25;
  CHECK(break_greedy(r, width, width) == std::vector<std::size_t>{0, 4});
  CHECK(break_balanced(r, width) == std::vector<std::size_t>{0, 3});
}

TEST_CASE("balanced breaking on one line is one line") {
  CHECK(break_balanced(row({3, 3}), 100) == std::vector<std::size_t>{0});
}
