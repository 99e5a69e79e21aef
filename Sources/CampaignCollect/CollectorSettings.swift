/// How a collector runs: where it listens, whom it admits, how much it takes.
public struct CollectorSettings: Sendable {
    /// SPEC §13: 32 MiB (the 10 MB was raised for batches of large events).
    public static let defaultMaxBodyBytes = 32 << 20
    /// Longest `Idempotency-Key` kept (a UUID is 36; room for producers' own schemes).
    public static let maxKeyLength = 200

    public var listen: ListenAddress
    public var token: BearerToken
    public var maxBodyBytes: Int

    public init(listen: ListenAddress, token: BearerToken, maxBodyBytes: Int = defaultMaxBodyBytes) {
        self.listen = listen
        self.token = token
        self.maxBodyBytes = maxBodyBytes
    }
}
