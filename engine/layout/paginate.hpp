#pragma once
// Flow items → pages, with the rules of official documents: no widow or orphan
// line, headings kept with what follows, rules kept with their line, atomic
// blocks never split, a block that asks for it preceded by body lines on its page,
// table header rows repeated.
#include <vector>

#include "layout/flow.hpp"

namespace vanban {

struct PlacedItem {
  std::size_t item = 0; ///< index into the flow
  double top = 0;       ///< from the top of the text block
};

using PageItems = std::vector<PlacedItem>;

std::vector<PageItems> paginate(const std::vector<FlowItem>& items, double page_height);

} // namespace vanban
