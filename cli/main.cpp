// vanban: conference data (YAML) → official documents and statistics.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

constexpr const char* kHelp = R"(usage: vanban <command> [options] FILE...

Commands:
  validate FILE...   check conference files and print every problem found

Options of validate:
  --lang vi|en               language of messages (default: from LANG/LC_ALL, else en)
  --diagnostics short|json   how problems are printed (default: short, on stderr)
  --data-root DIR            folder that organization profiles must stay inside
                             (default: the folder of each conference file)
  --max-input-size BYTES     refuse larger files (default: 4194304)
  -q, --quiet                print nothing for valid files

Exit status: 0 all files valid, 1 some file invalid, 2 usage error.

  vanban --help      this text
  vanban --version   the version
)";

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kHelp, stderr);
    return vanban::cli::kExitUsage;
  }
  const std::string& command = args.front();
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kHelp, stdout);
    return vanban::cli::kExitOk;
  }
  if (command == "--version" || command == "-V") {
    std::printf("vanban %s\n", VANBAN_VERSION);
    return vanban::cli::kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "validate") {
    return vanban::cli::run_validate(rest);
  }
  std::fprintf(stderr, "vanban: unknown command '%s' (see vanban --help)\n", command.c_str());
  return vanban::cli::kExitUsage;
}
