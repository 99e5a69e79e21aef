/// Joins Chinese words that a message template kept apart.
///
/// Why: templates put a space around each placeholder, which is right when
/// the filled-in text is Latin or quoted (`任务 'a' 中的`), but a noun phrase
/// that ends in Chinese leaves a stray one (`客群 'vip' 的客户画像 中有`).
/// A space between two Chinese characters is removed; text in '…' is plan
/// data (an id, a name) and is never touched, nor is anything in English.
public enum ChineseSpacing {
    public static func tidy(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isChinese) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var quoted = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == "'" { quoted.toggle() }
            if scalar == " ", !quoted, index > 0, index + 1 < scalars.count,
               isChinese(scalars[index - 1]), isChinese(scalars[index + 1]) {
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// CJK ideographs and the full-width punctuation written between them.
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
            || (0xFF01...0xFF5E).contains(scalar.value)
    }
}
