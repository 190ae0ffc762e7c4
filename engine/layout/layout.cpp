#include "layout/layout.hpp"

#include "layout/flow.hpp"
#include "layout/paginate.hpp"

namespace vanban {

namespace {

/// The page number: Arabic, centred on the text block, in the top margin.
PlacedText page_number(int number, const PageSetup& page, const FontSet& fonts) {
  std::string text = std::to_string(number);
  double size = page.page_number_size;
  double width = fonts.face(FontStyle::regular).width_pt(text, size);
  double centre = page.margin_left + (page.width - page.margin_left - page.margin_right) / 2;
  return {centre - width / 2, page.page_number_baseline, FontStyle::regular, size, text, width};
}

} // namespace

PagedLayout layout_document(const DocTree& doc, const FontSet& fonts,
                            const std::string& markup_name, Diagnostics& out) {
  const PageSetup& page = doc.page;
  FlowContext ctx{fonts, markup_name, out};
  double width = page.width - page.margin_left - page.margin_right;
  std::vector<FlowItem> items = build_flow(doc.blocks, page.margin_left, width, ctx);
  std::vector<PageItems> pages =
      paginate(items, page.height - page.margin_top - page.margin_bottom);

  PagedLayout result;
  result.width = page.width;
  result.height = page.height;
  result.meta = doc.meta;
  int number = 0;
  for (const PageItems& placed : pages) {
    ++number;
    PageLayout out_page;
    for (const PlacedItem& p : placed) {
      append_shifted(out_page.texts, out_page.lines, items[p.item], page.margin_top + p.top);
    }
    if (page.page_numbers && number >= page.page_number_from) {
      out_page.texts.push_back(page_number(number, page, fonts));
    }
    result.pages.push_back(std::move(out_page));
  }
  if (result.pages.empty()) {
    result.pages.emplace_back();
  }
  return result;
}

} // namespace vanban
