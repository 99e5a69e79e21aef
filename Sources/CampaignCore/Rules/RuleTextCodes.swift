/// The numbers that stand for texts in compiled rules: a compiled rule's rows
/// hold only Doubles, so a text field's slot holds its value's code.
///
/// The caller builds the table from its data (every value a text field takes)
/// and passes it to `compile`, which turns each quoted literal into its code.
/// Codes are 0, 1, 2, … in the order texts were added: small non-negative
/// integers, exact in a Double, never NaN (NaN in a slot is "no data").
/// Texts are Swift Strings, so canonically equivalent spellings (a composed
/// and a decomposed "é") are one text with one code.
public struct RuleTextCodes: Sendable, Hashable {
    private var codes: [String: Int] = [:]
    private var texts: [String] = []

    public init() {}

    /// A table of `texts` (repeats take the first code).
    public init(_ texts: some Sequence<String>) {
        for text in texts { _ = code(adding: text) }
    }

    /// The code of `text`, adding it when the table lacks it.
    public mutating func code(adding text: String) -> Double {
        if let code = codes[text] { return Double(code) }
        codes[text] = texts.count
        texts.append(text)
        return Double(texts.count - 1)
    }

    /// The code of `text`, nil when the table lacks it.
    public func code(of text: String) -> Double? {
        codes[text].map(Double.init)
    }

    /// The text `code` stands for, nil for NaN or a code not in the table.
    public func text(of code: Double) -> String? {
        guard code >= 0, code < Double(texts.count), code == code.rounded() else { return nil }
        return texts[Int(code)]
    }

    /// How many texts there are; the codes are `0..<count`.
    public var count: Int { texts.count }
}
