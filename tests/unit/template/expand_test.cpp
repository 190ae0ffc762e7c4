#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "markup/markup_parser.hpp"
#include "template/expand.hpp"
#include "validate/validate.hpp"

using namespace vanban;
namespace fs = std::filesystem;

namespace {

const char* kData = R"(standard: party
issuer: {parent: Đảng bộ quận Long Biên, name: Đảng ủy phường Ngọc Thụy, symbol: ĐU, place: Ngọc Thụy}
conference:
  kind: review
  title: "hội nghị <b>sơ kết</b> & {{secret}} </p>"
  period: 2022-Q1
  start: 2022-04-07T08:00
  venue: hội trường
  chairs: [a]
  secretary: b
attendees:
  - {id: a, name: "Nguyễn Văn \"A\" 'x'", titles: [Bí thư]}
  - {id: b, name: Lê Thị B}
conclusions:
  sections:
    - paragraphs: ["**Đậm** và {{{x}}} và \\*"]
directives:
  - assignees: [{unit: "UBND & Công an"}]
    content: "làm </p><p>ngay"
documents:
  - kind: notice
    number: 3
    date: 2022-04-08
    signer: {authority: T/M Ban Thường vụ, title: Bí thư, name: Nguyễn Văn A}
  - kind: minutes
)";

Conference conference() {
  Diagnostics out;
  auto c = load_conference_text("t.yaml", kData, {}, out);
  INFO(out.items().size());
  REQUIRE(c);
  return *c;
}

struct TempDir {
  fs::path path =
      fs::temp_directory_path() / ("vanban-tmpl-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
  }
};

} // namespace

TEST_CASE("bundled templates expand to markup that parses, data taken literally") {
  Conference c = conference();
  TemplateSet templates;
  for (const DocumentSpec& doc : c.documents) {
    Diagnostics out;
    auto markup = expand_document(c, doc, templates, out);
    INFO(out.items().size());
    REQUIRE(markup);
    SourceFile file("m.xml", *markup);
    auto tree = parse_markup(file, out);
    REQUIRE(tree);
    CHECK(out.items().empty());
    // Data never becomes markup or template: escaped as decimal references.
    CHECK(markup->find("hội nghị &#60;b&#62;sơ kết&#60;/b&#62; &#38; {{secret}} &#60;/p&#62;") !=
          std::string::npos);
    CHECK(markup->find("<b>sơ kết</b>") == std::string::npos);
  }
}

TEST_CASE("upper case helper and inline emphasis in expanded text") {
  Conference c = conference();
  TemplateSet templates;
  Diagnostics out;
  auto markup = expand_document(c, c.documents[0], templates, out);
  REQUIRE(markup);
  CHECK(markup->find("ĐẢNG ỦY PHƯỜNG NGỌC THỤY") != std::string::npos);
  CHECK(markup->find("T/M BAN THƯỜNG VỤ") != std::string::npos);
  CHECK(markup->find("<b>Đậm</b> và {{{x}}} và *") != std::string::npos);
  CHECK(markup->find("Số 03-TB/ĐU") != std::string::npos);
}

TEST_CASE("user templates override bundled ones file by file") {
  TempDir dir;
  dir.write("party-notice.mustache",
            "<document>{{> party-header}}<p>{{conference.title}}</p></document>");
  Conference c = conference();
  TemplateSet templates(dir.path.string());
  Diagnostics out;
  auto markup = expand_document(c, c.documents[0], templates, out);
  REQUIRE(markup);
  CHECK(markup->find("ĐẢNG CỘNG SẢN VIỆT NAM") != std::string::npos); // bundled partial
  CHECK(markup->find("THÔNG BÁO") == std::string::npos);              // user root
}

TEST_CASE("template sandbox: partials only by plain name inside the template folder") {
  Conference c = conference();
  for (const char* tag : {"{{> ../../etc/passwd}}", "{{> /etc/passwd}}", "{{> Header}}"}) {
    TempDir dir;
    dir.write("party-notice.mustache", std::string("<document>\n") + tag + "\n</document>");
    TemplateSet templates(dir.path.string());
    Diagnostics out;
    CHECK_FALSE(expand_document(c, c.documents[0], templates, out));
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].message == Msg::template_partial_refused);
    CHECK(out.items()[0].location.line == 2);
  }
}

TEST_CASE("template sandbox: a symbolic link out of the folder is not followed") {
  TempDir dir;
  TempDir outside;
  outside.write("secret.mustache", "<p>secret</p>");
  fs::create_symlink(outside.path / "secret.mustache", dir.path / "leak.mustache");
  dir.write("party-notice.mustache", "<document>{{> leak}}</document>");
  Conference c = conference();
  TemplateSet templates(dir.path.string());
  Diagnostics out;
  CHECK_FALSE(expand_document(c, c.documents[0], templates, out));
  REQUIRE_FALSE(out.items().empty());
  CHECK(out.items()[0].message == Msg::template_partial_missing);
}

TEST_CASE("template sandbox: a partial including itself stops with a diagnostic") {
  TempDir dir;
  dir.write("party-notice.mustache", "<document>{{> loop}}</document>");
  dir.write("loop.mustache", "<p>x</p>\n{{> loop}}");
  Conference c = conference();
  TemplateSet templates(dir.path.string());
  Diagnostics out;
  CHECK_FALSE(expand_document(c, c.documents[0], templates, out));
  REQUIRE(out.items().size() == 1);
  CHECK(out.items()[0].message == Msg::template_recursion);
  CHECK(out.items()[0].location.line == 2);
}

TEST_CASE("template errors point at the template file") {
  Conference c = conference();
  struct Case {
    const char* text;
    Msg expected;
    unsigned line;
  };
  for (const Case& k :
       {Case{"<document>\n<p>{{#a}}x</p>\n</document>", Msg::template_syntax, 2},
        Case{"<document>\n<p>{{{conference.title}}}</p></document>", Msg::template_unescaped, 2},
        Case{"<document>\n\n<p>{{conference.titel}}</p></document>", Msg::template_unknown_name, 3},
        Case{"<document>\n<para>x</para></document>", Msg::markup_unknown_element, 2},
        Case{"<document>\n<p>x</b></document>", Msg::markup_syntax, 2}}) {
    TempDir dir;
    dir.write("party-notice.mustache", k.text);
    TemplateSet templates(dir.path.string());
    Diagnostics out;
    INFO(k.text);
    CHECK_FALSE(expand_document(c, c.documents[0], templates, out));
    REQUIRE_FALSE(out.items().empty());
    CHECK(out.items()[0].message == k.expected);
    CHECK(out.items()[0].location.line == k.line);
    CHECK(out.items()[0].file.find("party-notice.mustache") != std::string::npos);
  }
}

TEST_CASE("templates with their partials inlined render exactly as with the partials") {
  TemplateSet templates;
  TemplateLimits through_partials;
  through_partials.inline_partials = false;
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(std::string(VANBAN_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".yaml") {
      continue;
    }
    Diagnostics out;
    auto c = load_conference(entry.path().string(), {}, out);
    if (!c) {
      continue; // an organization profile
    }
    for (const DocumentSpec& doc : c->documents) {
      if (doc.kind != DocumentKind::notice && doc.kind != DocumentKind::minutes) {
        continue;
      }
      INFO(entry.path().filename().string() << " " << static_cast<int>(doc.kind));
      auto first = expand_document(*c, doc, templates, out);
      auto again = expand_document(*c, doc, templates, out); // the parsed template reused
      auto plain = expand_document(*c, doc, templates, out, through_partials);
      REQUIRE(first);
      REQUIRE(plain);
      CHECK(*first == *plain);
      CHECK(again == first);
      ++compared;
    }
  }
  CHECK(compared >= 10);
}
