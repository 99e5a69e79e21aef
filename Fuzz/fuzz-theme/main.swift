import FuzzSupport

// A closure, not the function itself: naming an @_cdecl function as a C
// pointer in another file emits a second LLVMFuzzerTestOneInput here.
runFuzzer { data, size in fuzzTheme(data, size) }
