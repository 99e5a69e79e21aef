import CampaignCore
import FuzzSupport

/// The transactions CSV reader on arbitrary bytes: no input may trap, every
/// data row is either a purchase or a rejected row (nothing silently lost),
/// and the result does not depend on how the bytes arrive — fed in pieces of
/// any size, or read on two threads cut at a line end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransactions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    let pieceSize = 1 + Int(input.byte() % 32)
    let bytes = input.rest()

    let whole = read(bytes, pieceSize: max(bytes.count, 1))
    let pieces = read(bytes, pieceSize: pieceSize)
    let halves = readOnTwoThreads(bytes)
    fuzzCheck(whole == pieces, "fed in pieces of \(pieceSize): \(pieces) but whole: \(whole)")
    fuzzCheck(whole == halves, "read on two threads: \(halves) but serially: \(whole)")
    if case .read(let summary) = whole {
        fuzzCheck(summary.purchases + summary.rejected.count == summary.rowsRead,
                  "\(summary.rowsRead) rows read but \(summary.purchases) purchases + \(summary.rejected.count) rejected")
    }
    return 0
}

/// What a read gave, comparable across the three ways of reading.
private enum Outcome: Equatable, CustomStringConvertible {
    case read(Summary)
    case failed(TransactionInputError)

    struct Summary: Equatable {
        var rowsRead: Int
        var purchases: Int
        var customers: Int
        var rejected: [RejectedRow]
    }

    init(_ read: () throws -> PurchaseHistory) {
        do {
            let history = try read()
            self = .read(Summary(rowsRead: history.rowsRead, purchases: history.purchaseCount,
                                 customers: history.customerCount, rejected: history.rejected))
        } catch let error as TransactionInputError {
            self = .failed(error)
        } catch {
            fatalError("unexpected error \(error)")
        }
    }

    var description: String {
        switch self {
        case .read(let s): "\(s.rowsRead) rows, \(s.purchases) purchases, \(s.customers) customers, rejected \(s.rejected)"
        case .failed(let error): "failed: \(error)"
        }
    }
}

private func read(_ bytes: [UInt8], pieceSize: Int) -> Outcome {
    Outcome {
        let reader = TransactionReader()
        try bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + pieceSize)
                try reader.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
            }
        }
        return try reader.finish()
    }
}

private func readOnTwoThreads(_ bytes: [UInt8]) -> Outcome {
    Outcome {
        try TransactionFile.read(size: bytes.count, parallelFromBytes: 0) { offset, buffer in
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            return count
        }
    }
}
