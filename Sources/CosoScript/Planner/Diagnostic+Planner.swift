import CosoCore

extension Diagnostic {
    /// A word that is not a case of the enum the context expects, with the nearest case or the list.
    static func unknownCase(_ word: String, of en: EnumType, span: SourceSpan) -> Diagnostic {
        let ids = en.cases.map(\.id)
        let help = Suggest.closest(to: word, in: ids).map { Label(vi: "có phải ý bạn là \($0)?", en: "did you mean \($0)?") }
            ?? Label(vi: "các giá trị: " + ids.joined(separator: ", "), en: "cases: " + ids.joined(separator: ", "))
        return Diagnostic("E0205", Label(vi: "'\(word)' không phải giá trị của \(en.label.vi)", en: "'\(word)' is not a case of \(en.label.en)"),
                          span: span, help: help)
    }
}
