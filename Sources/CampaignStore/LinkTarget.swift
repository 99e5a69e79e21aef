#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CampaignText
import Foundation

/// The file a path finally names, following a chain of symbolic links.
///
/// Why: a save renames a fresh file over its path, and a rename replaces a
/// link itself, not what it points at: `link.yaml → real/plan.yaml` would turn
/// into a plain file and the plan in git would never see the edit. Saving to
/// the link's target keeps the link and edits the real plan.
enum LinkTarget {
    /// What Linux allows before ELOOP.
    static let maximumLinks = 40

    /// `path` itself when it is not a link (or does not exist yet); otherwise
    /// the end of its chain, where a relative link counts from its own folder.
    /// A dangling link gives the missing target, so saving recreates it there.
    static func resolve(_ path: String) throws(AtomicFile.WriteError) -> String {
        var current = path
        for _ in 0..<maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                throw AtomicFile.WriteError(path: path, reason: Phrase.dataCannotReadLink.text(current))
            }
            if destination.hasPrefix("/") {
                current = destination
            } else {
                let folder = (current as NSString).deletingLastPathComponent
                current = folder.isEmpty ? destination : folder + "/" + destination
            }
        }
        throw AtomicFile.WriteError(path: path, reason: Phrase.dataLinkLoop.text(maximumLinks))
    }
}
