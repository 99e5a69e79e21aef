// libFuzzer's driver, for fuzz targets that are Swift executables.
//
// SwiftPM links every executable with its own `main` (renamed so tests can
// import it), so libFuzzer's `main` is never used: each fuzz target's
// main.swift calls the driver itself, as libFuzzer documents for programs
// that have a main of their own. `-sanitize=fuzzer` links the runtime.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
