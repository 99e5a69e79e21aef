import Foundation

/// Who sends, as the sender lease names it: `HOST:PID`. A lease whose holder
/// is a process on this host that no longer runs (killed, crashed) need not
/// be waited out, so a watcher restarted after `kill -9` sends at once.
public struct SenderIdentity: Sendable {
    public let host: String
    public let pid: Int32

    public init(host: String = ProcessInfo.processInfo.hostName, pid: Int32 = ProcessInfo.processInfo.processIdentifier) {
        self.host = host
        self.pid = pid
    }

    public var holder: String { "\(host):\(pid)" }

    /// True when `holder` is a process of this host that has ended.
    public func isGone(_ holder: String) -> Bool {
        guard let colon = holder.lastIndex(of: ":"), holder[..<colon] == host,
              let pid = Int32(holder[holder.index(after: colon)...]) else { return false }
        return kill(pid, 0) == -1 && errno == ESRCH
    }
}
