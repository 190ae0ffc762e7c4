#include "fuzz_support.hpp"

#include <cstdlib>

#include "validate/validate.hpp"

namespace vanban::fuzz {

namespace {
const char* kConference = R"(standard: party
issuer: {parent: Đảng bộ quận Long Biên, name: Đảng ủy phường Ngọc Thụy, symbol: ĐU, place: Ngọc Thụy, office: VPĐU}
conference:
  kind: review
  title: hội nghị sơ kết công tác dân vận quý I năm 2022
  convener: Ban Thường vụ Đảng ủy
  period: 2022-Q1
  start: 2022-04-07T08:00
  end: 2022-04-07T11:30
  venue: hội trường UBND phường
  chairs: [a]
  secretary: b
attendees:
  - {id: a, name: Thẩm Bá Phước, titles: [Bí thư Đảng ủy phường], role: chair}
  - {id: b, name: Lê Thị Lan, role: secretary}
  - {id: c, name: Nguyễn Viết Tấn, attendance: absent_with_permission, reason: đi công tác}
attendee_groups: [{name: các đồng chí Bí thư chi bộ trực thuộc, count: 21}]
agenda: [{title: Báo cáo sơ kết quý I năm 2022, presenter: a}]
discussion: {opinions: 5, summary: "Các ý kiến **thống nhất** với báo cáo."}
conclusions:
  sections:
    - heading: Đánh giá chung
      paragraphs: ["Công tác dân vận đạt *kết quả* tốt; còn __hạn chế__ cần khắc phục."]
directives:
  - assignees: [{unit: Ủy ban nhân dân phường}, {unit: Công an phường, role: support}]
    content: triển khai kế hoạch quý II
    deadline: 2022-06-30
  - assignees: [{unit: Văn phòng Đảng ủy}]
    content: báo cáo định kỳ
    deadline_rule: {every: month, day: 23}
indicators:
  - {id: mo-hinh, name: Mô hình, unit: mô hình, value: 60, breakdowns: [{by: cấp, parts: [{label: quận, value: 40}, {label: phường, value: 20}]}]}
documents:
  - kind: notice
    number: 25
    date: 2022-04-07
    signer: {authority: T/M Ban Thường vụ, title: Bí thư, name: Thẩm Bá Phước}
    recipients: [Các chi bộ trực thuộc, Lưu VPĐU]
  - kind: minutes
    number: 26
    date: 2022-04-07
)";
} // namespace

const Conference& sample_conference() {
  static const Conference c = [] {
    Diagnostics out;
    auto loaded = load_conference_text("sample.yaml", kConference, {}, out);
    if (!loaded)
      std::abort(); // the fuzz harness itself is broken
    return *loaded;
  }();
  return c;
}

const FontSet& fonts() {
  static const FontSet set = [] {
    std::string error;
    auto found = find_fonts({}, error);
    if (!found)
      std::abort();
    return *found;
  }();
  return set;
}

} // namespace vanban::fuzz
