#include "layout/line_breaker.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vanban {

namespace {

// Glue of a justified line may stretch to 1/2 and shrink to 1/3 of the space, as
// TeX's interword glue does for roman text.
constexpr double kStretch = 0.5;
constexpr double kShrink = 1.0 / 3.0;
// TeX's \linepenalty: every line costs a little, so fewer lines are preferred.
constexpr double kLinePenalty = 10.0;
// Penalty for a very loose line next to a tight one (TeX's \adjdemerits).
constexpr double kFitnessPenalty = 3000.0;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

int fitness_class(double ratio) {
  if (ratio < -0.5)
    return 0;
  if (ratio <= 0.5)
    return 1;
  if (ratio <= 1.0)
    return 2;
  return 3;
}

struct Node {
  double demerits = kInfinity;
  std::size_t previous = 0;
  int fitness = 1;
  bool reachable = false;
};

/// One pass of the dynamic program with a given tolerance on the stretch ratio.
std::vector<std::size_t> total_fit_pass(const WordRow& row, double first_width, double width,
                                        double tolerance) {
  std::size_t n = row.words.size();
  // node[k]: best way to end a line just before word k (k == n: paragraph end).
  std::vector<Node> node(n + 1);
  node[0] = {0, 0, 1, true};
  for (std::size_t start = 0; start < n; ++start) {
    if (!node[start].reachable) {
      continue;
    }
    double measure = start == 0 ? first_width : width;
    double natural = 0;
    double stretch = 0;
    double shrink = 0;
    for (std::size_t end = start + 1; end <= n; ++end) {
      natural += row.words[end - 1];
      if (end - 1 > start) {
        double space = row.spaces[end - 2];
        natural += space;
        stretch += space * kStretch;
        shrink += space * kShrink;
      }
      if (natural - shrink > measure + 1e-9) {
        break; // this and every longer line is overfull
      }
      bool last = end == n;
      if (last && natural > measure + 1e-9) {
        continue; // the last line is set at its natural width: it may not shrink
      }
      double ratio = 0;
      if (!last) {
        double slack = measure - natural;
        ratio = slack >= 0 ? (stretch > 0 ? slack / stretch : (slack > 1e-9 ? kInfinity : 0))
                           : (shrink > 0 ? slack / shrink : -kInfinity);
        if (ratio < -1 || ratio > tolerance) {
          continue;
        }
      }
      double badness = last ? 0 : 100 * std::pow(std::min(std::fabs(ratio), 1e3), 3);
      double demerits = std::pow(kLinePenalty + badness, 2);
      int fitness = last ? 1 : fitness_class(ratio);
      if (std::abs(fitness - node[start].fitness) > 1) {
        demerits += kFitnessPenalty;
      }
      double total = node[start].demerits + demerits;
      if (total < node[end].demerits) {
        node[end] = {total, start, fitness, true};
      }
    }
  }
  if (!node[n].reachable) {
    return {};
  }
  std::vector<std::size_t> starts;
  for (std::size_t k = n; k > 0; k = node[k].previous) {
    starts.push_back(node[k].previous);
  }
  std::reverse(starts.begin(), starts.end());
  return starts;
}

} // namespace

double natural_width(const WordRow& row, std::size_t from, std::size_t to) {
  double w = 0;
  for (std::size_t i = from; i < to; ++i) {
    w += row.words[i] + (i + 1 < to ? row.spaces[i] : 0);
  }
  return w;
}

std::vector<std::size_t> break_total_fit(const WordRow& row, double first_width, double width) {
  if (row.words.empty()) {
    return {0};
  }
  // Strict first, then looser: a line with two long words may not justify nicely,
  // but the paragraph must still be set.
  for (double tolerance : {2.0, 10.0, kInfinity}) {
    auto starts = total_fit_pass(row, first_width, width, tolerance);
    if (!starts.empty()) {
      return starts;
    }
  }
  return break_greedy(row, first_width, width);
}

std::vector<std::size_t> break_greedy(const WordRow& row, double first_width, double width) {
  std::vector<std::size_t> starts{0};
  double used = 0;
  for (std::size_t i = 0; i < row.words.size(); ++i) {
    double measure = starts.size() == 1 ? first_width : width;
    bool line_start = i == starts.back();
    double needed = line_start ? row.words[i] : used + row.spaces[i - 1] + row.words[i];
    if (!line_start && needed > measure + 1e-9) {
      starts.push_back(i);
      used = row.words[i];
    } else {
      used = needed;
    }
  }
  return starts;
}

std::vector<std::size_t> break_balanced(const WordRow& row, double width) {
  std::size_t n = row.words.size();
  std::size_t lines = break_greedy(row, width, width).size();
  if (n == 0 || lines <= 1) {
    return {0};
  }
  // best[k][i]: the smallest possible longest line setting words [0, i) on k lines.
  std::vector<std::vector<double>> best(lines + 1, std::vector<double>(n + 1, kInfinity));
  std::vector<std::vector<std::size_t>> from(lines + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = 0;
  for (std::size_t k = 1; k <= lines; ++k) {
    for (std::size_t i = 1; i <= n; ++i) {
      for (std::size_t j = i; j-- > 0;) {
        double w = natural_width(row, j, i);
        if (w > width + 1e-9 && i - j > 1) {
          break;
        }
        double longest = std::max(best[k - 1][j], w);
        if (longest < best[k][i]) {
          best[k][i] = longest;
          from[k][i] = j;
        }
      }
    }
  }
  std::vector<std::size_t> starts;
  for (std::size_t k = lines, i = n; k > 0; --k) {
    starts.push_back(from[k][i]);
    i = from[k][i];
  }
  std::reverse(starts.begin(), starts.end());
  return starts;
}

} // namespace vanban
