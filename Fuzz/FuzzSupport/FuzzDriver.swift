import CLibFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target's entry: hands the command line to libFuzzer, which calls
/// `target` for every input it tries, and exits with libFuzzer's status.
///
/// Each target also exports its function as `LLVMFuzzerTestOneInput`, the
/// name libFuzzer's own `main` calls: whichever `main` the link keeps (ours,
/// which SwiftPM renames, or libFuzzer's), the same function is fuzzed.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
