import Foundation

/// PostgreSQL's own client library, libpq, loaded when a `postgres://` store is
/// first opened rather than linked: a user who never uses PostgreSQL needs
/// neither its headers to build nor its library to run, and the quick start
/// stays one `swift run` on a fresh machine. libpq rather than postgres-nio:
/// the store is synchronous (one transaction per call, on the caller's thread,
/// as with SQLite), libpq's calls are too, and its connection is one socket the
/// dashboard can wait on in the `poll()` it already runs; postgres-nio would
/// bring an event loop and some three minutes of build to every machine.
///
/// Only the few calls the store makes are bound, each by name with its C type.
struct LibPQ: Sendable {
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer

    let connectdb: @convention(c) (UnsafePointer<CChar>) -> Connection?
    let status: @convention(c) (Connection) -> Int32
    let errorMessage: @convention(c) (Connection) -> UnsafePointer<CChar>?
    let finish: @convention(c) (Connection) -> Void
    let execParams: @convention(c) (Connection, UnsafePointer<CChar>, Int32, UnsafeRawPointer?,
                                    UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
                                    UnsafePointer<Int32>?, Int32) -> Result?
    let exec: @convention(c) (Connection, UnsafePointer<CChar>) -> Result?
    let resultStatus: @convention(c) (Result) -> Int32
    let resultErrorField: @convention(c) (Result, Int32) -> UnsafePointer<CChar>?
    let resultErrorMessage: @convention(c) (Result) -> UnsafePointer<CChar>?
    let ntuples: @convention(c) (Result) -> Int32
    let nfields: @convention(c) (Result) -> Int32
    let getvalue: @convention(c) (Result, Int32, Int32) -> UnsafePointer<CChar>?
    let getisnull: @convention(c) (Result, Int32, Int32) -> Int32
    let fname: @convention(c) (Result, Int32) -> UnsafePointer<CChar>?
    let cmdTuples: @convention(c) (Result) -> UnsafePointer<CChar>?
    let clear: @convention(c) (Result) -> Void
    let socket: @convention(c) (Connection) -> Int32
    let consumeInput: @convention(c) (Connection) -> Int32
    let notifies: @convention(c) (Connection) -> UnsafeMutableRawPointer?
    let freemem: @convention(c) (UnsafeMutableRawPointer) -> Void
    let backendPID: @convention(c) (Connection) -> Int32
    typealias NoticeProcessor = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void
    let setNoticeProcessor: @convention(c) (Connection, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?

    /// `ConnStatusType.CONNECTION_OK`, `ExecStatusType`'s two successes, and the
    /// diagnostic field for the SQLSTATE code (libpq-fe.h, postgres_ext.h).
    static let connectionOK: Int32 = 0
    static let commandOK: Int32 = 1
    static let tuplesOK: Int32 = 2
    static let sqlStateField = Int32(UInt8(ascii: "C"))

    /// The library, or why it could not be loaded (said once, where a store is opened).
    static let shared: Swift.Result<LibPQ, LoadFailure> = load()

    struct LoadFailure: Error { let detail: String }

    /// The soname Debian's `libpq5` installs, then the unversioned name a
    /// development install adds.
    static let names = ["libpq.so.5", "libpq.so"]

    private static func load() -> Swift.Result<LibPQ, LoadFailure> {
        var handle: UnsafeMutableRawPointer?
        var reasons: [String] = []
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else { return .failure(LoadFailure(detail: reasons.first ?? "libpq.so.5")) }
        func bind<F>(_ name: String, as type: F.Type) throws -> F {
            guard let symbol = dlsym(handle, name) else { throw LoadFailure(detail: "libpq has no \(name)") }
            return unsafeBitCast(symbol, to: type)
        }
        do {
            return .success(LibPQ(
                connectdb: try bind("PQconnectdb", as: (@convention(c) (UnsafePointer<CChar>) -> Connection?).self),
                status: try bind("PQstatus", as: (@convention(c) (Connection) -> Int32).self),
                errorMessage: try bind("PQerrorMessage", as: (@convention(c) (Connection) -> UnsafePointer<CChar>?).self),
                finish: try bind("PQfinish", as: (@convention(c) (Connection) -> Void).self),
                execParams: try bind("PQexecParams", as: (@convention(c) (Connection, UnsafePointer<CChar>, Int32, UnsafeRawPointer?,
                                                                           UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
                                                                           UnsafePointer<Int32>?, Int32) -> Result?).self),
                exec: try bind("PQexec", as: (@convention(c) (Connection, UnsafePointer<CChar>) -> Result?).self),
                resultStatus: try bind("PQresultStatus", as: (@convention(c) (Result) -> Int32).self),
                resultErrorField: try bind("PQresultErrorField", as: (@convention(c) (Result, Int32) -> UnsafePointer<CChar>?).self),
                resultErrorMessage: try bind("PQresultErrorMessage", as: (@convention(c) (Result) -> UnsafePointer<CChar>?).self),
                ntuples: try bind("PQntuples", as: (@convention(c) (Result) -> Int32).self),
                nfields: try bind("PQnfields", as: (@convention(c) (Result) -> Int32).self),
                getvalue: try bind("PQgetvalue", as: (@convention(c) (Result, Int32, Int32) -> UnsafePointer<CChar>?).self),
                getisnull: try bind("PQgetisnull", as: (@convention(c) (Result, Int32, Int32) -> Int32).self),
                fname: try bind("PQfname", as: (@convention(c) (Result, Int32) -> UnsafePointer<CChar>?).self),
                cmdTuples: try bind("PQcmdTuples", as: (@convention(c) (Result) -> UnsafePointer<CChar>?).self),
                clear: try bind("PQclear", as: (@convention(c) (Result) -> Void).self),
                socket: try bind("PQsocket", as: (@convention(c) (Connection) -> Int32).self),
                consumeInput: try bind("PQconsumeInput", as: (@convention(c) (Connection) -> Int32).self),
                notifies: try bind("PQnotifies", as: (@convention(c) (Connection) -> UnsafeMutableRawPointer?).self),
                freemem: try bind("PQfreemem", as: (@convention(c) (UnsafeMutableRawPointer) -> Void).self),
                backendPID: try bind("PQbackendPID", as: (@convention(c) (Connection) -> Int32).self),
                setNoticeProcessor: try bind("PQsetNoticeProcessor",
                                             as: (@convention(c) (Connection, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?).self)))
        } catch let failure as LoadFailure {
            return .failure(failure)
        } catch {
            return .failure(LoadFailure(detail: "\(error)"))
        }
    }
}
