#include "layout/flow.hpp"

#include <algorithm>

#include "layout/paragraph_layout.hpp"

namespace vanban {

void append_shifted(std::vector<PlacedText>& texts, std::vector<PlacedLine>& lines,
                    const FlowItem& from, double dy) {
  for (PlacedText t : from.texts) {
    t.baseline += dy;
    texts.push_back(std::move(t));
  }
  for (PlacedLine l : from.lines) {
    l.y1 += dy;
    l.y2 += dy;
    lines.push_back(l);
  }
}

namespace {

void shift(FlowItem& into, const FlowItem& from, double dy) {
  append_shifted(into.texts, into.lines, from, dy);
}

/// What a following rule needs to know about the last line set.
struct LastLine {
  bool present = false;
  double left = 0, right = 0;
  double baseline_from_end = 0; ///< baseline relative to the bottom of the item stack so far
};

class FlowBuilder {
public:
  FlowBuilder(double x, double width, FlowContext& ctx) : x_(x), width_(width), ctx_(ctx) {}

  std::vector<FlowItem> build(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      std::visit([this](const auto& content) { add(content); }, b.content);
    }
    return std::move(items_);
  }

private:
  void push(FlowItem item) {
    last_.baseline_from_end -= item.space_before + item.height + item.space_after;
    items_.push_back(std::move(item));
  }

  void add(const Paragraph& p) {
    SetParagraph set = set_paragraph(p, width_, ctx_.fonts, ctx_.markup_name, ctx_.out);
    int id = ctx_.next_paragraph++;
    auto count = static_cast<int>(set.lines.size());
    for (int i = 0; i < count; ++i) {
      const SetLine& line = set.lines[static_cast<std::size_t>(i)];
      FlowItem item;
      item.kind = FlowItem::Kind::line;
      item.height = set.pitch;
      item.space_after = i + 1 == count ? p.style.space_after : 0;
      item.space_before = i == 0 ? p.style.space_before : 0;
      double baseline = set.first_baseline;
      for (PlacedText t : line.texts) {
        t.x += x_;
        t.baseline = baseline;
        item.texts.push_back(std::move(t));
      }
      for (PlacedLine l : line.lines) {
        item.lines.push_back({l.x1 + x_, l.y1 + baseline, l.x2 + x_, l.y2 + baseline, l.thickness});
      }
      item.paragraph = id;
      item.line_index = i;
      item.line_count = count;
      item.body = p.style.align == Align::justify;
      item.keep_with_next = p.style.keep_with_next;
      push(std::move(item));
      last_ = {!line.texts.empty(), line.left + x_, line.right + x_,
               baseline - items_.back().height - items_.back().space_after};
    }
  }

  void add(const Rule& r) {
    FlowItem item;
    item.kind = FlowItem::Kind::rule;
    item.glued = true;
    double top = last_.present ? last_.baseline_from_end + r.gap : 0;
    double left = last_.present ? last_.left : x_;
    double right = last_.present ? last_.right : x_ + width_;
    double length = (right - left) * r.fraction;
    double centre = (left + right) / 2;
    double y = top + r.thickness / 2;
    item.lines.push_back({centre - length / 2, y, centre + length / 2, y, r.thickness});
    item.height = std::max(0.0, top + r.thickness);
    item.space_after = r.space_after;
    push(std::move(item));
    last_.present = false;
  }

  void add(const Spacer& s) {
    FlowItem item;
    item.kind = FlowItem::Kind::spacer;
    item.height = s.height;
    item.glued = true; // space belongs with what precedes it (signature space)
    push(std::move(item));
  }

  std::vector<double> widths(const std::vector<double>& spec) const {
    double fixed = 0;
    int flexible = 0;
    for (double w : spec) {
      fixed += w;
      flexible += w == 0 ? 1 : 0;
    }
    std::vector<double> out = spec;
    double rest = flexible > 0 ? std::max(0.0, width_ - fixed) / flexible : 0;
    for (double& w : out) {
      if (w == 0)
        w = rest;
    }
    return out;
  }

  void add(const Grid& g) {
    std::vector<double> cols = widths(g.columns);
    FlowItem item;
    item.kind = FlowItem::Kind::block;
    item.space_before = g.space_before;
    item.lines_before = g.lines_before;
    double y = 0;
    for (const Row& row : g.rows) {
      y += row.space_before;
      double x = x_;
      double tallest = 0;
      for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
        FlowItem cell = stack(FlowBuilder(x, cols[c], ctx_).build(row.cells[c].blocks));
        shift(item, cell, y);
        tallest = std::max(tallest, cell.height);
        x += cols[c];
      }
      y += tallest;
    }
    item.height = y;
    if (!g.keep_together) {
      item.kind = FlowItem::Kind::block;
    }
    push(std::move(item));
    last_.present = false;
  }

  void add(const Table& t) {
    std::vector<double> cols = widths(t.columns);
    int id = ctx_.next_table++;
    bool first = true;
    int index = 0;
    for (const Row& row : t.rows) {
      FlowItem item;
      item.kind = FlowItem::Kind::block;
      item.table = id;
      item.header = index++ < t.header_rows;
      item.space_before = first ? t.space_before : 0;
      first = false;
      double x = x_;
      double tallest = 0;
      std::vector<FlowItem> cells;
      for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
        double inner = std::max(1.0, cols[c] - 2 * t.padding);
        cells.push_back(stack(FlowBuilder(x + t.padding, inner, ctx_).build(row.cells[c].blocks)));
        tallest = std::max(tallest, cells.back().height);
        x += cols[c];
      }
      for (const FlowItem& cell : cells) {
        shift(item, cell, t.padding);
      }
      double h = tallest + 2 * t.padding;
      item.height = h;
      if (t.border > 0) {
        double right = x_;
        for (double w : cols)
          right += w;
        item.lines.push_back({x_, 0, right, 0, t.border});
        item.lines.push_back({x_, h, right, h, t.border});
        double cx = x_;
        item.lines.push_back({cx, 0, cx, h, t.border});
        for (double w : cols) {
          cx += w;
          item.lines.push_back({cx, 0, cx, h, t.border});
        }
      }
      push(std::move(item));
    }
    if (!items_.empty()) {
      items_.back().space_after += t.space_after;
    }
    last_.present = false;
  }

  double x_;
  double width_;
  FlowContext& ctx_;
  std::vector<FlowItem> items_;
  LastLine last_;
};

} // namespace

std::vector<FlowItem> build_flow(const std::vector<Block>& blocks, double x, double width,
                                 FlowContext& ctx) {
  return FlowBuilder(x, width, ctx).build(blocks);
}

FlowItem stack(const std::vector<FlowItem>& items) {
  FlowItem out;
  double y = 0;
  bool first = true;
  for (const FlowItem& item : items) {
    y += first ? 0 : item.space_before; // a cell's first space is not needed
    first = false;
    shift(out, item, y);
    y += item.height + item.space_after;
  }
  out.height = y;
  return out;
}

} // namespace vanban
