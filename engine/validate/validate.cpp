#include "validate/validate.hpp"

#include <filesystem>

#include "validate/json_typing.hpp"
#include "validate/model_builder.hpp"
#include "validate/schema_check.hpp"

namespace vanban {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& root, const fs::path& candidate) {
  auto r = root.begin();
  auto c = candidate.begin();
  for (; r != root.end(); ++r, ++c) {
    if (r->empty()) {
      continue; // trailing separator
    }
    if (c == candidate.end() || *r != *c) {
      return false;
    }
  }
  return true;
}

/// Resolve `organization:` to an Issuer: the path must stay inside the data root,
/// symbolic links included, and the profile must itself be valid.
std::optional<Issuer> load_profile(const DataNode& ref, const std::string& conference_name,
                                   const ValidateOptions& options, Diagnostics& out) {
  fs::path base = fs::path(conference_name).parent_path();
  fs::path target = base / ref.text;
  std::error_code ec;
  fs::path root =
      fs::weakly_canonical(options.data_root.empty() ? (base.empty() ? fs::path(".") : base)
                                                     : fs::path(options.data_root),
                           ec);
  fs::path real = fs::weakly_canonical(target, ec);
  if (ec || !inside(root, real)) {
    out.error(conference_name, ref.location, "organization", Msg::profile_outside_root,
              {ref.text, root.string()});
    return std::nullopt;
  }
  Diagnostics local;
  auto text = read_source(real.string(), target.string(), LoadLimits(options.limits), local);
  if (!text) {
    // The reason alone ("no such file"), not a second "cannot read".
    const Diagnostic& why = local.items().front();
    std::string reason = why.message == Msg::cannot_read_file && !why.args.empty()
                             ? why.args[0]
                             : bilingual(render_message(why.message, Lang::vi, why.args),
                                         render_message(why.message, Lang::en, why.args));
    out.error(conference_name, ref.location, "organization", Msg::profile_unreadable,
              {ref.text, reason});
    return std::nullopt;
  }
  SourceFile file(target.string(), strip_bom(std::move(*text)));
  Diagnostics found;
  auto root_node = parse_yaml(file, LoadLimits(options.limits), found);
  if (root_node) {
    if (!root_node->is_mapping()) {
      found.error(file.name(), root_node->location, "", Msg::yaml_not_mapping);
    } else {
      SchemaSet::bundled().check(*root_node, SchemaKind::organization, file, found);
    }
  }
  bool ok = !found.has_errors() && root_node.has_value();
  out.append(found);
  if (!ok) {
    return std::nullopt;
  }
  return build_issuer(*root_node);
}

} // namespace

std::optional<Conference> load_conference_text(const std::string& name, std::string text,
                                               const ValidateOptions& options, Diagnostics& out) {
  SourceFile file(name, strip_bom(std::move(text)));
  Diagnostics found;
  auto root = parse_yaml(file, LoadLimits(options.limits), found);
  if (!root) {
    out.append(found);
    return std::nullopt;
  }
  if (root->is_null()) {
    found.error(file.name(), file.locate(0), "", Msg::input_empty); // "---" and nothing else
    out.append(found);
    return std::nullopt;
  }
  if (!root->is_mapping()) {
    found.error(file.name(), root->location, "", Msg::yaml_not_mapping);
    out.append(found);
    return std::nullopt;
  }
  SchemaSet::bundled().check(*root, SchemaKind::conference, file, found);

  Conference conference;
  conference.source = name;
  build_conference(*root, file, conference, found, options.limits);

  const DataEntry* profile = root->find_entry("organization");
  const DataEntry* inline_issuer = root->find_entry("issuer");
  if (profile != nullptr && inline_issuer != nullptr) {
    found.error(file.name(), inline_issuer->key_location, "issuer", Msg::issuer_both);
  } else if (profile == nullptr && inline_issuer == nullptr) {
    found.error(file.name(), root->location, "", Msg::issuer_missing);
  } else if (inline_issuer != nullptr) {
    conference.issuer = build_issuer(inline_issuer->value);
  } else if (profile->value.is_scalar() && scalar_to_json(profile->value).is_string()) {
    if (auto issuer = load_profile(profile->value, name, options, found)) {
      conference.issuer = *issuer;
    }
  }
  bool ok = !found.has_errors();
  out.append(found);
  if (!ok) {
    return std::nullopt;
  }
  return conference;
}

std::optional<Conference> load_conference(const std::string& path, const ValidateOptions& options,
                                          Diagnostics& out) {
  auto text = read_source(path, path, LoadLimits(options.limits), out);
  if (!text) {
    return std::nullopt;
  }
  return load_conference_text(path, std::move(*text), options, out);
}

} // namespace vanban
