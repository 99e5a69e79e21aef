/// `SQLSession` over a PostgreSQL connection inside a transaction.
struct PostgresSession: SQLSession {
    let connection: PostgresConnection.Locked

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try connection.execute(Self.numbered(sql), Self.texts(arguments))
    }

    func fetchAll(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try connection.execute(Self.numbered(sql), Self.texts(arguments))
        let names = result.columns
        return result.rows.map { row in
            var values: [String: SQLValue] = [:]
            for (name, value) in zip(names, row) { values[name] = value.map(SQLValue.text) ?? .null }
            return SQLRow(values: values)
        }
    }

    /// Rows come a page at a time through a cursor, so memory stays bounded
    /// however long the result (a whole metric history, twice its size as hex text).
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        // Its own name, so a body may read with a cursor of its own.
        let cursor = "deck_rows_\(UInt64.random(in: 0 ... .max))"
        try execute("DECLARE \(cursor) NO SCROLL CURSOR FOR " + sql, arguments)
        while true {
            let page = try fetchAll("FETCH \(Self.cursorPage) FROM \(cursor)", [])
            for row in page { try body(row) }
            if page.count < Self.cursorPage { break }
        }
        try execute("CLOSE \(cursor)", [])
    }

    static let cursorPage = 2_000

    /// PostgreSQL numbers its parameters (`$1`, `$2`…) where SQLite takes `?`:
    /// each `?` outside a quoted string or name becomes the next number.
    static func numbered(_ sql: String) -> String {
        var out = ""
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Parameters go as text; the server reads each as its column's type.
    /// A Double's `description` is the shortest text that reads back exactly.
    static func texts(_ values: [SQLValue]) -> [String?] {
        values.map { value in
            switch value {
            case .null: return nil
            case .integer(let number): return String(number)
            case .real(let number): return number.description
            case .text(let text): return text
            case .blob(let bytes): return PostgresBytes.encode(bytes)
            }
        }
    }
}
