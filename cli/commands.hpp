#pragma once
// The CLI's commands: each takes the arguments after its name and returns the exit
// status (0 success, 1 invalid input, 2 usage error).
#include <string>
#include <vector>

namespace vanban::cli {

int run_validate(const std::vector<std::string>& args);
int run_render(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_batch(const std::vector<std::string>& args);

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

} // namespace vanban::cli
