// Only the header matters (the driver is in libFuzzer's runtime); SwiftPM
// needs one source file to make a C target.
#include "CLibFuzzer.h"
