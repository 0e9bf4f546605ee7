import CosoCore

extension Diagnostic {
    /// A word that is not a case of the enum the context expects, with the nearest case or the list.
    static func unknownCase(_ word: String, of en: EnumType, span: SourceSpan) -> Diagnostic {
        let ids = en.cases.map(\.id)
        let help = en.closest(to: word).map { Label(vi: "có phải ý bạn là \($0.id) (\($0.label.vi))?", en: "did you mean \($0.id) (\($0.label.en))?") }
            ?? Label(vi: "các giá trị: " + ids.joined(separator: ", "), en: "cases: " + ids.joined(separator: ", "))
        return Diagnostic("E0205", Label(vi: "'\(word)' không phải giá trị của \(en.label.vi)", en: "'\(word)' is not a case of \(en.label.en)"),
                          span: span, help: help)
    }
}
