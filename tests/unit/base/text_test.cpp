#include <catch2/catch.hpp>

#include "base/text.hpp"

using namespace vanban;

TEST_CASE("utf8 sequences are validated strictly") {
  CHECK(utf8_sequence_length("a", 0) == 1);
  CHECK(utf8_sequence_length("\xC4\x90", 0) == 2);         // Đ
  CHECK(utf8_sequence_length("\xE1\xBB\x8D", 0) == 3);     // ọ
  CHECK(utf8_sequence_length("\xF0\x9F\x98\x80", 0) == 4); // emoji
  CHECK(utf8_sequence_length("\xC0\xAF", 0) == 0);         // overlong '/'
  CHECK(utf8_sequence_length("\xED\xA0\x80", 0) == 0);     // encoded surrogate
  CHECK(utf8_sequence_length("\xF4\x90\x80\x80", 0) == 0); // past U+10FFFF
  CHECK(utf8_sequence_length("\xE1\xBB", 0) == 0);         // truncated
  CHECK(utf8_sequence_length("\xFF", 0) == 0);
}

TEST_CASE("next_code_point reads every one-, two- and three-byte sequence as decode_utf8 does") {
  // decode_utf8 goes through the full validator; next_code_point decodes the common
  // sequences inline. Every lead byte, every second byte, a spread of third bytes, and
  // each sequence cut short by the end of the text.
  const unsigned thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x8D, 0x9F, 0xA0, 0xBF, 0xC0, 0xE1, 0xFF};
  std::size_t mismatches = 0;
  for (unsigned lead = 0; lead < 256; ++lead) {
    for (unsigned second = 0; second < 256; ++second) {
      for (unsigned third : thirds) {
        std::string text{static_cast<char>(lead), static_cast<char>(second),
                         static_cast<char>(third)};
        for (std::size_t cut = 1; cut <= text.size(); ++cut) {
          std::string_view part(text.data(), cut);
          std::u32string read;
          for_each_code_point(part, [&](char32_t cp) { read.push_back(cp); });
          mismatches += read != decode_utf8(part) ? 1 : 0;
        }
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("invalid utf8 offsets are found and capped") {
  std::string s = "ab\xFF"
                  "c\xFE\xFF";
  CHECK(invalid_utf8_offsets(s, 10) == std::vector<std::size_t>{2, 4, 5});
  CHECK(invalid_utf8_offsets(s, 2).size() == 2);
  CHECK(invalid_utf8_offsets("Ngọc Thụy", 10).empty());
}

TEST_CASE("decomposed Vietnamese becomes NFC") {
  // e + U+0302 + U+0301 → ế ; u + U+031B + U+0323 → ự ; Thu + U+0323 + y → Thụy
  CHECK(to_nfc("e\xCC\x82\xCC\x81") == "ế");
  CHECK(to_nfc("u\xCC\x9B\xCC\xA3") == "ự");
  CHECK(to_nfc("u\xCC\xA3\xCC\x9B") == "ự");
  CHECK(to_nfc("Thu\xCC\xA3y") == "Thụy");
  CHECK(to_nfc("plain ascii") == "plain ascii");
}

TEST_CASE("marks that cannot combine are found after NFC") {
  // e + acute + circumflex: the circumflex cannot join é.
  std::string nfc = to_nfc("e\xCC\x81\xCC\x82");
  auto at = find_leftover_combining_mark(nfc);
  REQUIRE(at.has_value());
  CHECK(nfc.substr(*at) == "\xCC\x82");
  CHECK_FALSE(find_leftover_combining_mark("Nguyễn Văn Thụy").has_value());
}

TEST_CASE("control characters are found, tab and newline allowed") {
  CHECK_FALSE(find_control_character("a\tb\nc").has_value());
  CHECK(find_control_character("ab\x01").value() == 2);
  CHECK(find_control_character("a\x7F").value() == 1);
  CHECK(find_control_character("x\xC2\x85").value() == 1);     // U+0085 NEL
  CHECK_FALSE(find_control_character("\xC2\xA0").has_value()); // no-break space is text
}

TEST_CASE("upper case keeps every Vietnamese letter") {
  CHECK(to_upper("Đảng ủy phường Ngọc Thụy") == "ĐẢNG ỦY PHƯỜNG NGỌC THỤY");
  CHECK(to_upper("ơ ư ă â ê ô đ ỹ") == "Ơ Ư Ă Â Ê Ô Đ Ỹ");
}

TEST_CASE("edit distance counts code points and suggestions stay close") {
  CHECK(edit_distance("thụy", "thuy") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("plaec", "place") == 1);
  CHECK(closest_match("organisation", {"organization", "issuer"}) == "organization");
  CHECK(closest_match("partyy", {"party", "state"}) == "party");
  CHECK(closest_match("xyz", {"party", "state"}).empty());
}

TEST_CASE("code point labels") {
  CHECK(code_point_label(0x302) == "U+0302");
  CHECK(code_point_label(0x1F600) == "U+01F600");
}

TEST_CASE("ascii slugs for file names") {
  CHECK(ascii_slug("Đảng ủy phường Ngọc Thụy") == "dang-uy-phuong-ngoc-thuy");
  CHECK(ascii_slug("Ủy ban nhân dân phường Phúc Đồng") == "uy-ban-nhan-dan-phuong-phuc-dong");
  CHECK(ascii_slug("  2022-Q1 / báo cáo!! ") == "2022-q1-bao-cao");
  CHECK(ascii_slug("漢") == "x");
}

TEST_CASE("NFC: the fast path for precomposed text and the full path for the rest") {
  CHECK(to_nfc("Nguyễn Thị Thu Trang – “Dân vận khéo”") == "Nguyễn Thị Thu Trang – “Dân vận khéo”");
  CHECK(to_nfc("A\xCC\x8A") == "\xC3\x85");        // A + ring above → Å
  CHECK(to_nfc("\xE2\x84\xA6") == "\xCE\xA9");     // OHM SIGN → GREEK CAPITAL OMEGA (a singleton)
  CHECK(to_nfc("\xE2\x80\x80") == "\xE2\x80\x82"); // EN QUAD → EN SPACE (a singleton)
  CHECK(to_nfc("\xE1\xBB\x87\xCC\x81").size() ==
        5); // ệ then a combining acute: kept, not composable
}

TEST_CASE("invalid utf8 offsets are found after long ASCII runs and among valid sequences") {
  // Offsets computed one sequence at a time, as the word-at-a-time scan must find them.
  auto expected = [](const std::string& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t n = utf8_sequence_length(s, i);
      if (n == 0)
        out.push_back(i);
      i += n == 0 ? 1 : n;
    }
    return out;
  };
  for (std::size_t run = 0; run < 20; ++run) {
    for (const char* seq : {"\xFF", "\xC4", "\xE1\xBB", "\x80", "\xC0\xAF", "\xED\xA0\x80",
                            "\xE0\x80\x80", "\xE0\xA0\x80", "\xEF\xBF\xBF", "\xF0\x9F\x98\x80",
                            "\xC2\x80", "\xDF\xBF", "\xE1\xBB\x8D\xBB", "\xEE\x80"}) {
      std::string s = std::string(run, 'a') + seq + std::string(run % 9, 'b') + "ọ" + seq + "x";
      INFO("run " << run);
      CHECK(invalid_utf8_offsets(s, 100) == expected(s));
    }
  }
}

TEST_CASE("clean NFC text is seen in one pass, and only text the full path leaves alone") {
  CHECK(is_clean_nfc("Nguyễn Thị Thu Trang – “Dân vận khéo”\tĐảng ủy\n"));
  CHECK(is_clean_nfc(""));
  CHECK_FALSE(is_clean_nfc("e\xCC\x82\xCC\x81")); // decomposed
  CHECK_FALSE(is_clean_nfc("a\x01"));             // C0 control
  CHECK_FALSE(is_clean_nfc("a\x7F"));
  CHECK_FALSE(is_clean_nfc("a\xC2\x85"));    // C1 control (NEL)
  CHECK_FALSE(is_clean_nfc("\xE2\x84\xA6")); // OHM SIGN: NFC changes it
  CHECK_FALSE(is_clean_nfc("\xC0\xAF"));     // overlong
  CHECK_FALSE(is_clean_nfc("\xE1\xBB"));     // truncated
  // Whatever it calls clean, NFC keeps as it is and neither finder objects to.
  const char* pieces[] = {
      "a", " ",        "\t",       "\n",       "\r",       "\x01",         "\x7F", "ọ",
      "Đ", "\xC2\x85", "\xC2\xA0", "\xCC\x81", "\xCD\xB0", "\xE2\x84\xA6", "–",    "\xEF\xBB\xBF",
      "😀", "\xFF"};
  for (const char* a : pieces) {
    for (const char* b : pieces) {
      for (const char* c : pieces) {
        std::string s = std::string(a) + b + c;
        INFO(s);
        if (is_clean_nfc(s)) {
          CHECK(to_nfc(s) == s);
          CHECK_FALSE(find_control_character(s));
          CHECK_FALSE(find_leftover_combining_mark(s));
        }
      }
    }
  }
}
