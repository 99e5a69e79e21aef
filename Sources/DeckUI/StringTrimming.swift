extension String {
    /// Without `character` at either end (DeckUI does not import Foundation
    /// for `trimmingCharacters(in:)`; clipboard text and table heads use this).
    func trimming(_ character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
