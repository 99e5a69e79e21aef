/// Lets `Phrase.text` refuse an Optional argument in debug builds and
/// tests: written with `String(describing:)` it would read `Optional("…")`.
protocol AnyOptional {}
extension Optional: AnyOptional {}
