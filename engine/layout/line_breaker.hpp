#pragma once
// Choosing where lines break, on widths alone (no fonts): unit-testable by hand.
// Vietnamese breaks only at spaces, never inside a syllable, and is not hyphenated.
#include <cstddef>
#include <vector>

namespace vanban {

/// A paragraph as the breaker sees it: word widths, and the natural width of the
/// space after each word (the last one's is unused).
struct WordRow {
  std::vector<double> words;
  std::vector<double> spaces;
};

/// Line start indexes (first is always 0) for justified text by total fit
/// (Knuth–Plass): the breaks that minimise the sum of demerits over the whole
/// paragraph, so that no line is stretched much more than its neighbours.
/// `first_width` is the first line's measure (after the indent). Every word must
/// be no wider than its line.
std::vector<std::size_t> break_total_fit(const WordRow& row, double first_width, double width);

/// Line starts filling each line as far as it goes (ragged text).
std::vector<std::size_t> break_greedy(const WordRow& row, double first_width, double width);

/// Line starts for the fewest lines possible, with the longest line as short as
/// possible: wrapped centred headings come out as balanced lines.
std::vector<std::size_t> break_balanced(const WordRow& row, double width);

/// Natural width of words [from, to) with the spaces between them.
double natural_width(const WordRow& row, std::size_t from, std::size_t to);

} // namespace vanban
