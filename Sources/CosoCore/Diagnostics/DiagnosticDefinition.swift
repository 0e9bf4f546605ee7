/// A refusal or error coso or a module can raise, declared as data: its stable code, what it
/// means, what to do, the regulation it applies, and a statement that raises it. `.help errors`
/// lists every one; `.help CODE` explains one. A module's codes lie in the range its manifest
/// claims (`Manifest.codes`), which the registry checks against every other module's.
public struct DiagnosticDefinition: Sendable {
    /// `E1102`.
    public let code: String
    /// What happened, in a few words.
    public let title: Label
    /// What to do about it.
    public let help: Label?
    /// The regulation the refusal applies, as an officer cites it ("Điều lệ Đảng, Điều 5").
    public let regulation: String?
    /// Statements on a new register (setup, then the one that fails) that raise it: shown by
    /// `.help CODE`, and run by the module's conformance check.
    public let example: DiagnosticExample?

    public init(_ code: String, vi: String, en: String, helpVi: String? = nil, helpEn: String? = nil, regulation: String? = nil,
                example: DiagnosticExample? = nil) {
        self.code = code; self.title = Label(vi: vi, en: en)
        self.help = helpVi.map { Label(vi: $0, en: helpEn ?? $0) }
        self.regulation = regulation; self.example = example
    }

    /// A diagnostic with its example: `setup` on a new register, then `example`, which fails with it.
    public init(_ code: String, vi: String, en: String, regulation: String? = nil, helpVi: String? = nil, helpEn: String? = nil,
                setup: [String] = [], _ example: String) {
        self.init(code, vi: vi, en: en, helpVi: helpVi, helpEn: helpEn, regulation: regulation,
                  example: DiagnosticExample(setup: setup, example))
    }

    /// The code's number (`E1102` → 1102); nil for a code not of that form.
    public var number: Int? {
        guard code.count == 5, code.first == "E" else { return nil }
        return Int(code.dropFirst())
    }
}

/// An example a module gives of one of coso's own codes, in the module's terms (a reference to a
/// row that does not exist needs a command with references): `.help CODE` shows it.
public struct CodeExample: Sendable {
    public let code: String
    public let example: DiagnosticExample
    public init(_ code: String, setup: [String] = [], _ source: String) {
        self.code = code; example = DiagnosticExample(setup: setup, source)
    }
}

/// Statements that raise a diagnostic: `setup` on a new register, then `source`, which fails
/// (on `today`, for a rule in force from a date still ahead of the tests' usual day).
public struct DiagnosticExample: Sendable {
    public let setup: [String]
    public let source: String
    public let today: LocalDate?
    public init(setup: [String] = [], _ source: String, today: LocalDate? = nil) {
        self.setup = setup; self.source = source; self.today = today
    }
}
