#include <catch2/catch.hpp>

#include "validate/validate.hpp"

using namespace vanban;

namespace {

const char* kConference = R"(standard: state
issuer:
  name: Ủy ban nhân dân phường Ngọc Thụy
  symbol: UBND
  place: Ngọc Thụy
conference:
  kind: working_session
  title: cuộc họp về giải phóng mặt bằng
  period: 2022-Q2
  start: 2022-05-10T14:00
  end: 2022-05-10T16:30
  venue: phòng họp số 1
  chairs: [hoang-van-luc]
  secretary: thu-ky
attendees:
  - id: hoang-van-luc
    name: Hoàng Văn Lực
    titles: [Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường]
    role: chair
  - id: thu-ky
    name: Lê Thị Hoa
    role: secretary
  - id: vang
    name: Trần Văn Bình
    attendance: absent_with_permission
    reason: đi công tác
directives:
  - assignees: [{unit: Công an phường}]
    content: "**Công an phường:** bảo đảm an ninh"
    deadline: 2022-06-30
  - assignees: [{unit: Văn phòng}, {unit: Tổ dân phố số 17, role: support}]
    content: báo cáo
    deadline_rule: {every: month, day: 23}
    status: done
    completed: 2022-05-20
indicators:
  - id: ho-ban-giao
    name: Hộ đã bàn giao mặt bằng
    value: 12.5
documents:
  - kind: notice
    number: 3
    date: 2022-05-11
    signer: {authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Hoàng Văn Lực}
    recipients: [Đảng ủy phường, "Lưu: VT"]
  - kind: minutes
)";

} // namespace

TEST_CASE("a complete conference builds the model with defaults and automatic numbers") {
  Diagnostics out;
  auto c = load_conference_text("mem.yaml", kConference, {}, out);
  INFO(out.items().size());
  REQUIRE(c);
  CHECK(out.items().empty());
  CHECK(c->standard == Standard::state);
  CHECK(c->issuer.symbol == "UBND");
  CHECK(c->info.kind == ConferenceKind::working_session);
  CHECK(c->info.period.code() == "2022-Q2");
  CHECK(c->info.start == DateTime{{2022, 5, 10}, 14, 0});
  REQUIRE(c->info.end);
  CHECK(c->info.end->minute == 30);
  REQUIRE(c->attendees.size() == 3);
  CHECK(c->attendees[0].titles.size() == 2);
  CHECK(c->attendees[2].attendance == Attendance::absent_with_permission);
  CHECK(c->attendees[1].role == Role::secretary);
  REQUIRE(c->directives.size() == 2);
  CHECK(c->directives[0].number == 1);
  CHECK(c->directives[1].number == 2);
  CHECK(c->directives[0].content[0].bold);
  CHECK(c->directives[1].assignees[1].lead == false);
  REQUIRE(c->directives[1].deadline_rule);
  CHECK(c->directives[1].deadline_rule->day == 23);
  CHECK(c->directives[1].status == DirectiveStatus::done);
  CHECK(c->indicators[0].value == Approx(12.5));
  REQUIRE(c->documents.size() == 2);
  CHECK(c->documents[0].number == 3);
  CHECK(c->documents[0].signer->title == "CHỦ TỊCH");
  CHECK(c->documents[1].kind == DocumentKind::minutes);
  CHECK_FALSE(c->documents[1].number);
  CHECK(c->conclusions.directives_heading == "Nhiệm vụ trọng tâm thời gian tới");
}

TEST_CASE("decomposed (NFD) Vietnamese input yields NFC strings in the model") {
  std::string nfd = kConference;
  // "Hoàng Văn Lực" typed decomposed: a + U+0300, a + U+0306, u + U+031B + U+0323.
  std::string composed = "name: Hoàng Văn Lực";
  std::string decomposed = "name: Hoa\xCC\x80ng Va\xCC\x86n Lu\xCC\x9B\xCC\xA3"
                           "c";
  nfd.replace(nfd.find(composed), composed.size(), decomposed);
  REQUIRE(nfd.find(decomposed) != std::string::npos);
  Diagnostics out;
  auto c = load_conference_text("nfd.yaml", nfd, {}, out);
  REQUIRE(c);
  CHECK(c->attendees[0].name == "Hoàng Văn Lực");
  CHECK(c->attendees[0].name.size() == std::string("Hoàng Văn Lực").size());
}

TEST_CASE("leap days are real dates only in leap years") {
  CHECK(is_real_date(2024, 2, 29));
  CHECK_FALSE(is_real_date(2023, 2, 29));
  CHECK_FALSE(is_real_date(1900, 2, 29));
  CHECK(is_real_date(2000, 2, 29));
  CHECK_FALSE(is_real_date(2022, 4, 31));
  CHECK_FALSE(is_real_date(2022, 13, 1));
}

TEST_CASE("periods know their first day and code") {
  Period q{2022, Period::Span::quarter, 2};
  CHECK(q.first_day() == Date{2022, 4, 1});
  CHECK(q.code() == "2022-Q2");
  CHECK((Period{2019, Period::Span::half, 2}.code()) == "2019-H2");
  CHECK((Period{2016, Period::Span::month, 8}.code()) == "2016-08");
}
