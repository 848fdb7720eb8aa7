#include "config/checklist_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace grassroots::embedded {
extern const std::string_view checklists_mohe_2016;
}

namespace grassroots::config {
namespace {

using core::Error;

class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Error Fail(const toml::node* node, const std::string& key, const std::string& problem) const {
    std::string line;
    if (node != nullptr && node->source().begin.line > 0) {
      line = std::to_string(node->source().begin.line);
    }
    return Error::Invalid(std::string(source_) + (line.empty() ? "" : ":" + line) + ": key \"" +
                              key + "\": " + problem,
                          key)
        .With("checklist_file_invalid",
              {{"file", std::string(source_)}, {"line", line}, {"key", key}, {"problem", problem}});
  }

  // A string at `key` of `table`; `required` false answers "" when absent.
  core::Result<std::string> String(const toml::table& table, std::string_view name,
                                   const std::string& key, bool required) const {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
      if (!required) return std::string();
      return Fail(&table, key, "is missing");
    }
    if (auto value = node->value_exact<std::string>()) return *value;
    return Fail(node, key, "must be a string");
  }

  // Refuses a key of `table` not in `known`.
  core::Status OnlyKeys(const toml::table& table, std::initializer_list<std::string_view> known,
                        const std::string& at) const {
    for (const auto& [name, node] : table) {
      if (std::find(known.begin(), known.end(), name.str()) == known.end()) {
        return Fail(&node, at + std::string(name.str()), "is not a known key");
      }
    }
    return core::Status::Ok();
  }

  core::Result<core::ChecklistItem> Item(const toml::node& node, const std::string& at) const {
    const toml::table* table = node.as_table();
    if (table == nullptr)
      return Fail(&node, at, "must be a table { key = \"...\", text = \"...\" }");
    if (auto s = OnlyKeys(*table, {"key", "text"}, at + "."); !s.ok()) return s.error();
    core::ChecklistItem item;
    auto key = String(*table, "key", at + ".key", true);
    if (!key.ok()) return key.error();
    auto text = String(*table, "text", at + ".text", true);
    if (!text.ok()) return text.error();
    item.key = std::move(key).value();
    item.text = std::move(text).value();
    return item;
  }

  core::Result<core::Checklist> Checklist(const toml::table& table, const std::string& at) const {
    if (auto s = OnlyKeys(table, {"id", "name", "types", "feeds", "items"}, at + "."); !s.ok()) {
      return s.error();
    }
    core::Checklist checklist;
    auto id = String(table, "id", at + ".id", true);
    if (!id.ok()) return id.error();
    checklist.id = std::move(id).value();
    auto name = String(table, "name", at + ".name", true);
    if (!name.ok()) return name.error();
    checklist.name = std::move(name).value();
    if (const toml::node* types = table.get("types")) {
      const toml::array* list = types->as_array();
      if (list == nullptr) return Fail(types, at + ".types", "must be a list of type names");
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string key = at + ".types[" + std::to_string(i + 1) + "]";
        auto text = (*list)[i].value_exact<std::string>();
        auto type = text ? core::ParseOrgType(*text) : std::nullopt;
        if (!type) {
          return Fail(&(*list)[i], key,
                      "must be one of village, community, soe, nonpublic, agency, institution");
        }
        checklist.types.push_back(*type);
      }
    }
    auto feeds = String(table, "feeds", at + ".feeds", false);
    if (!feeds.ok()) return feeds.error();
    if (!feeds.value().empty()) {
      for (int d = 0; d < core::kDimensionCount; ++d) {
        if (core::kDimensionKeys[d] == feeds.value()) checklist.feeds = core::Dimension(d);
      }
      if (!checklist.feeds) {
        return Fail(table.get("feeds"), at + ".feeds",
                    "unknown dimension \"" + feeds.value() +
                        "\" (team, leader, venue, routine, service, members)");
      }
    }
    const toml::node* items = table.get("items");
    if (items == nullptr) return Fail(&table, at + ".items", "is missing");
    const toml::array* list = items->as_array();
    if (list == nullptr) return Fail(items, at + ".items", "must be a list of items");
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = Item((*list)[i], at + ".items[" + std::to_string(i + 1) + "]");
      if (!item.ok()) return item.error();
      checklist.items.push_back(std::move(item).value());
    }
    return checklist;
  }

  // The node a ValidateChecklistSet error's key names ("checklist[2].items[3].key", lists
  // numbered from 1 as people count), for its line; null when it names none.
  const toml::node* NodeOf(const toml::table& root, const std::string& key) const {
    const toml::node* node = &root;
    std::size_t at = 0;
    while (node != nullptr && at < key.size()) {
      if (key[at] == '.') ++at;
      const std::size_t end = key.find_first_of(".[", at);
      const std::string name = key.substr(at, end == std::string::npos ? end : end - at);
      const toml::table* table = node->as_table();
      node = table ? table->get(name) : nullptr;
      at = end == std::string::npos ? key.size() : end;
      while (node != nullptr && at < key.size() && key[at] == '[') {
        const std::size_t close = key.find(']', at);
        const std::size_t index = std::stoul(key.substr(at + 1, close - at - 1));
        const toml::array* list = node->as_array();
        node = (list && index >= 1 && index <= list->size()) ? list->get(index - 1) : nullptr;
        at = close + 1;
      }
    }
    return node;
  }

 private:
  std::string_view source_;
};

}  // namespace

core::Result<LoadedChecklists> ParseChecklists(std::string_view toml_text,
                                               std::string_view source) {
  Reader reader(source);
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& error) {
    const std::string line = std::to_string(error.source().begin.line);
    const std::string problem(error.description());
    return Error::Invalid(std::string(source) + ":" + line + ": " + problem, std::string(source))
        .With("checklist_file_invalid",
              {{"file", std::string(source)}, {"line", line}, {"key", ""}, {"problem", problem}});
  }
  if (auto s = reader.OnlyKeys(root, {"name", "checklist"}, ""); !s.ok()) return s.error();
  LoadedChecklists loaded;
  loaded.source = std::string(source);
  auto name = reader.String(root, "name", "name", true);
  if (!name.ok()) return name.error();
  loaded.set.name = std::move(name).value();
  const toml::node* checklists = root.get("checklist");
  const toml::array* list = checklists ? checklists->as_array() : nullptr;
  if (list == nullptr || list->empty()) {
    return reader.Fail(checklists, "checklist", "must be one or more [[checklist]] tables");
  }
  for (std::size_t c = 0; c < list->size(); ++c) {
    const std::string at = "checklist[" + std::to_string(c + 1) + "]";
    const toml::table* table = (*list)[c].as_table();
    if (table == nullptr) return reader.Fail(&(*list)[c], at, "must be a [[checklist]] table");
    auto checklist = reader.Checklist(*table, at);
    if (!checklist.ok()) return checklist.error();
    loaded.set.checklists.push_back(std::move(checklist).value());
  }
  if (core::Status s = core::ValidateChecklistSet(loaded.set); !s.ok()) {
    const core::Params& params = s.error().params;
    const std::string key = s.error().field;
    const std::string problem = params.size() > 1 ? params[1].second : s.error().message;
    return reader.Fail(reader.NodeOf(root, key), key, problem);
  }
  return loaded;
}

core::Result<LoadedChecklists> LoadChecklistsFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error::Unavailable("cannot read checklists file " + path, "--checklists");
  std::ostringstream content;
  content << file.rdbuf();
  return ParseChecklists(content.str(), path);
}

const LoadedChecklists& BuiltInChecklists() {
  static const LoadedChecklists built_in = [] {
    auto loaded = ParseChecklists(embedded::checklists_mohe_2016, "built-in checklists-mohe-2016");
    // The file is part of the build and tested; failing here is a build defect.
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value();
  }();
  return built_in;
}

}  // namespace grassroots::config
