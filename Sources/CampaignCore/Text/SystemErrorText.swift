#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CampaignText

/// Why a system call failed, in the reader's language. The C library says it
/// in English only ("No such file or directory"); the errors people meet
/// when they name a file are in the catalog (their English is glibc's own
/// wording, so English output is what `strerror` printed before), the rare
/// rest stay in the system's words.
public enum SystemErrorText {
    public static func of(_ code: Int32) -> String {
        guard let phrase = phrase(code) else { return String(cString: strerror(code)) }
        return phrase.text()
    }

    static func phrase(_ code: Int32) -> Phrase? {
        switch code {
        case ENOENT: return .dataSystemNoEntry
        case EACCES: return .dataSystemAccess
        case EISDIR: return .dataSystemIsFolder
        case ENOTDIR: return .dataSystemNotFolder
        case ENOSPC: return .dataSystemNoSpace
        case EROFS: return .dataSystemReadOnly
        case EEXIST: return .dataSystemExists
        case ELOOP: return .dataSystemLinkLoop
        case ENAMETOOLONG: return .dataSystemNameTooLong
        case EIO: return .dataSystemIO
        case EPERM: return .dataSystemNotPermitted
        case EMFILE: return .dataSystemTooManyFiles
        default: return nil
        }
    }
}
