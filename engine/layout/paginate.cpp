#include "layout/paginate.hpp"

#include <algorithm>

namespace vanban {

namespace {

constexpr double kEpsilon = 1e-6;

class Paginator {
public:
  Paginator(const std::vector<FlowItem>& items, double height) : items_(items), height_(height) {}

  std::vector<PageItems> run() {
    std::size_t start = 0;
    while (start < items_.size()) {
      std::size_t end = fill(start);
      end = adjust(start, end);
      emit(start, end);
      start = end;
    }
    return std::move(pages_);
  }

private:
  /// Height the page holds with repeated table headers placed first.
  std::vector<std::size_t> headers_for(std::size_t start) const {
    const FlowItem& first = items_[start];
    if (first.table < 0 || first.header) {
      return {};
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < start; ++i) {
      if (items_[i].table == first.table && items_[i].header) {
        out.push_back(i);
      }
    }
    return out;
  }

  /// The first item that does not fit on a page starting at `start`.
  std::size_t fill(std::size_t start) const {
    double y = 0;
    for (std::size_t h : headers_for(start)) {
      y += items_[h].height + items_[h].space_after;
    }
    for (std::size_t i = start; i < items_.size(); ++i) {
      const FlowItem& it = items_[i];
      double before = i == start ? 0 : it.space_before;
      if (y + before + it.height > height_ + kEpsilon) {
        return i;
      }
      y += before + it.height + it.space_after;
    }
    return items_.size();
  }

  bool is_line(std::size_t i) const { return items_[i].kind == FlowItem::Kind::line; }

  /// Whether a page may end just before item `b`.
  bool breakable(std::size_t start, std::size_t b) const {
    if (b <= start || b >= items_.size()) {
      return b >= items_.size();
    }
    const FlowItem& next = items_[b];
    const FlowItem& prev = items_[b - 1];
    if (next.glued) {
      return false;
    }
    if (prev.keep_with_next && prev.kind == FlowItem::Kind::line) {
      return false;
    }
    // Inside a paragraph: at least two lines on each side.
    if (is_line(b) && is_line(b - 1) && next.paragraph == prev.paragraph) {
      if (next.line_index < 2 || next.line_count - next.line_index < 2) {
        return false;
      }
    }
    // A block asking for body lines before it must have them on its page; the
    // check is made when the block starts the next page (see adjust).
    return true;
  }

  /// Count body lines in [from, to).
  int body_lines(std::size_t from, std::size_t to) const {
    int n = 0;
    for (std::size_t i = from; i < to; ++i) {
      n += items_[i].body ? 1 : 0;
    }
    return n;
  }

  /// Move the break from `end` back to where the rules allow one.
  std::size_t adjust(std::size_t start, std::size_t end) const {
    if (end >= items_.size()) {
      return end;
    }
    for (std::size_t b = end; b > start; --b) {
      if (!breakable(start, b)) {
        continue;
      }
      // The next page starts at b: a block on it that needs body lines before
      // it must find them there, so pull lines over with it.
      std::size_t next_end = fill(b);
      std::size_t needy = b;
      while (needy < next_end && items_[needy].lines_before == 0) {
        ++needy;
      }
      if (needy < next_end && body_lines(b, needy) < items_[needy].lines_before) {
        continue;
      }
      return b;
    }
    // Nothing allowed: give the item its own page rather than loop.
    return end == start ? start + 1 : end;
  }

  void emit(std::size_t start, std::size_t end) {
    PageItems page;
    double y = 0;
    for (std::size_t h : headers_for(start)) {
      page.push_back({h, y});
      y += items_[h].height + items_[h].space_after;
    }
    for (std::size_t i = start; i < end; ++i) {
      y += i == start ? 0 : items_[i].space_before;
      page.push_back({i, y});
      y += items_[i].height + items_[i].space_after;
    }
    pages_.push_back(std::move(page));
  }

  const std::vector<FlowItem>& items_;
  double height_;
  std::vector<PageItems> pages_;
};

} // namespace

std::vector<PageItems> paginate(const std::vector<FlowItem>& items, double page_height) {
  return Paginator(items, page_height).run();
}

} // namespace vanban
