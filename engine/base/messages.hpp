#pragma once
// The one catalogue of user-facing messages, in Vietnamese and English.
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

enum class Lang { vi, en };

/// Every diagnostic message the engine can print. The catalogue in messages.cpp
/// holds the stable code (for --diagnostics json) and both wordings.
enum class Msg {
  // Files and bytes.
  cannot_read_file,
  input_too_large,
  input_empty,
  input_has_nul,
  input_utf16,
  invalid_utf8,
  control_character,
  leftover_combining_mark,
  // YAML structure.
  yaml_syntax,
  yaml_tab_indent,
  yaml_colon_in_text,
  yaml_unclosed_flow,
  yaml_unclosed_quote,
  yaml_unmatched_close,
  yaml_alias,
  yaml_multiple_documents,
  yaml_too_deep,
  yaml_complex_key,
  yaml_duplicate_key,
  yaml_not_mapping,
  // Schema.
  schema_type,
  schema_type_quote_hint,
  schema_required,
  schema_unknown_property,
  schema_unknown_property_suggest,
  schema_enum,
  schema_enum_suggest,
  schema_pattern,
  schema_too_short_text,
  schema_empty_text,
  schema_too_long_text,
  schema_too_few_items,
  schema_too_many_items,
  schema_below_minimum,
  schema_above_maximum,
  schema_other,
  // Meaning.
  invalid_date,
  invalid_time,
  end_not_after_start,
  duplicate_id,
  unknown_reference,
  unknown_reference_suggest,
  directive_number_duplicate,
  directive_number_gap,
  directive_no_lead,
  deadline_and_rule,
  completed_without_done,
  completed_before_conference,
  done_without_completed,
  breakdown_sum,
  issuer_missing,
  issuer_both,
  profile_outside_root,
  profile_unreadable,
  reason_required,
  delegate_required,
  reason_not_absent,
  delegate_not_delegated,
  emphasis_unclosed,
  notice_needs_signer,
  number_without_date,
  issue_date_before_conference,
  document_kind_twice,
  minutes_need_secretary,
  period_after_conference,
  chair_absent,
  // Templates and markup.
  template_syntax,
  template_partial_refused,
  template_partial_missing,
  template_recursion,
  template_unescaped,
  template_unknown_name,
  markup_syntax,
  markup_unknown_element,
  markup_unknown_attribute,
  markup_bad_value,
  // Layout and output.
  font_unavailable,
  glyph_missing,
  content_too_wide,
  cannot_write_output,
  fragment_invalid,
  output_name_taken,
  input_not_found,
  limit_exceeded,
};

/// The last message id, for code that walks the catalogue.
constexpr Msg kLastMessage = Msg::limit_exceeded;

/// An argument that prints differently per language: `bilingual("văn bản", "text")`.
/// Data text cannot collide with it: control characters are rejected on input.
std::string bilingual(std::string_view vi, std::string_view en);

/// Stable identifier of a message, e.g. "invalid-date".
std::string_view message_code(Msg id);
/// The message text with {0}, {1}… replaced by args.
std::string render_message(Msg id, Lang lang, const std::vector<std::string>& args);
/// Number of messages in the catalogue (for tests that walk it).
std::size_t message_count();
/// Language from the environment: LC_ALL, LC_MESSAGES, LANG starting with "vi" → vi.
Lang lang_from_environment();

} // namespace vanban
