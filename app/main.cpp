#include "core/version.h"
#include <cstdio>
int main() { std::printf("%s %s\n", vaulttray::kAppName, vaulttray::kVersion); return 0; }
