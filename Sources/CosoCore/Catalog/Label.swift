/// Text staff read, in Vietnamese first and English on request (`--lang en`).
public struct Label: Hashable, Sendable {
    public let vi: String
    public let en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    public func text(_ language: Language) -> String { language == .vi ? vi : en }
}

/// The language of what staff read.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
