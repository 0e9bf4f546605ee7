import CosoCore

/// `.help errors` (every diagnostic code of coso and of every module) and `.help E1105` (one
/// explained: what it means, the regulation it applies, what to do, and statements that raise it).
enum DiagnosticHelp {
    /// `E1105` from `e1105` or `E1105`; nil for anything else.
    static func code(_ topic: String) -> String? {
        let upper = topic.uppercased()
        guard upper.count == 5, upper.first == "E", upper.dropFirst().allSatisfy(\.isNumber) else { return nil }
        return upper
    }

    static func list(_ catalog: Catalog, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? "Mã lỗi (gõ .help MÃ để xem giải thích và ví dụ, như .help E1105):\n"
                     : "Error codes (type .help CODE for an explanation and an example, such as .help E1105):\n"
        var owner = ""
        for (module, d) in HostDiagnostics.all.map({ ("coso", $0) }) + catalog.diagnostics {
            if module != owner {
                owner = module
                out += "\n" + (module == "coso" ? (vi ? "coso (ngôn ngữ, lệnh, nhập tệp, kiểm tra dữ liệu ghi):" : "coso (language, commands, imports, checks of writes):")
                                               : (vi ? "mô-đun \(module):" : "module \(module):")) + "\n"
            }
            out += "  \(d.code)  \(d.title.text(language))" + (d.regulation.map { " [\($0)]" } ?? "") + "\n"
        }
        return out
    }

    static func explain(_ code: String, _ catalog: Catalog, _ language: Language) -> String? {
        guard let (module, d) = catalog.diagnostic(code) else { return nil }
        let vi = language == .vi
        var out = "\(d.code): \(d.title.text(language))  (" + (module == "coso" ? "coso" : (vi ? "mô-đun " : "module ") + module) + ")\n"
        if let regulation = d.regulation { out += (vi ? "  Quy định: " : "  Regulation: ") + regulation + "\n" }
        if let help = d.help { out += (vi ? "  Cách xử lý: " : "  What to do: ") + help.text(language) + "\n" }
        if let example = d.example {
            out += vi ? "  Ví dụ:\n" : "  Example:\n"
            for line in example.setup { out += "    \(line)\n" }
            out += "    \(example.source)" + (vi ? "     ← lỗi \(d.code)\n" : "     ← error \(d.code)\n")
        }
        return out
    }
}
