/// Text staff read, in Vietnamese first and English on request (`--lang en`).
public struct Label: Hashable, Sendable {
    public let vi: String
    public let en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    public func text(_ language: Language) -> String { language == .vi ? vi : en }

    /// As it reads inside a sentence: the first letter in lower case, unless the word is an
    /// abbreviation ("Ngày vào Đảng" → "ngày vào Đảng"; "CCCD" stays).
    public var inSentence: Label { Label(vi: Label.lowerFirst(vi), en: Label.lowerFirst(en)) }

    /// As it opens a sentence: the first letter in upper case ("ngày thành lập" → "Ngày thành lập").
    public var atStart: Label {
        func upper(_ t: String) -> String { t.first.map { $0.uppercased() + t.dropFirst() } ?? t }
        return Label(vi: upper(vi), en: upper(en))
    }

    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let rest = text.dropFirst()
        if let second = rest.first, second.isUppercase { return text }
        return first.lowercased() + rest
    }
}

/// The language of what staff read.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
