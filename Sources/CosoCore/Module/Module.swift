/// The version of the module contract itself, apart from coso's own version. A module declares the
/// version it was written against; the registry accepts the same major version and a minor version
/// no newer than the host's.
public let pluginProtocolVersion = Version(1, 0, 0)

/// What a module says about itself.
public struct Manifest: Sendable {
    public struct Requirement: Sendable, Hashable {
        public let module: String
        public let versions: VersionRange
        public init(_ module: String, _ versions: VersionRange) { self.module = module; self.versions = versions }
    }

    public let id: String
    public let version: Version
    public let summary: Label
    public let requires: [Requirement]
    public let pluginProtocol: Version
    /// The numbers of the diagnostic codes the module raises (`1100...1199`: E1100 to E1199), which
    /// no other module may claim. Codes below 1000 are coso's own.
    public let codes: ClosedRange<Int>?

    public init(id: String, version: Version, summary: Label, requires: [Requirement] = [],
                pluginProtocol: Version = pluginProtocolVersion, codes: ClosedRange<Int>? = nil) {
        self.id = id; self.version = version; self.summary = summary
        self.requires = requires; self.pluginProtocol = pluginProtocol; self.codes = codes
    }
}

/// A coso module: everything it adds, declared as data.
///
/// Built-in modules are listed once in the executable (`Builtins.all`); nothing is scanned or
/// registered globally. A module never sees the parser; its commands receive typed arguments and a
/// write transaction that records the audit trail.
public protocol CosoModule: Sendable {
    var manifest: Manifest { get }
    var enums: [EnumType] { get }
    var entities: [Entity] { get }
    var migrations: [Migration] { get }
    var commands: [Command] { get }
    /// Ways its records can be wrong, reported by `check`.
    var checks: [DataCheck] { get }
    /// The rules it enforces, with their sources and periods, listed by `rules`.
    var rules: [RuleDefinition] { get }
    /// Plan targets it measures, computed by `targets`.
    var targets: [TargetDefinition] { get }
    /// Statistics tables it offers (`stats`, `report annual`).
    var statistics: [StatisticDefinition] { get }
    /// The diagnostics its commands and imports raise, in the range of `manifest.codes`.
    var diagnostics: [DiagnosticDefinition] { get }
    /// Examples of coso's own codes in the module's terms (`.help E0301`).
    var examplesOfCosoCodes: [CodeExample] { get }
    /// Imports (`coso import ENTITY FILE.csv`): fills what a row may leave out, then reports what
    /// is wrong with it beyond its types (a rule, a format), before it is written.
    func importRow(_ entity: Entity, _ values: inout [Field: Value], _ tx: WriteTransaction) throws -> [ImportProblem]
    /// Imports: what follows from a written row (a member's history events).
    func imported(_ entity: Entity, id: Int64, _ values: [Field: Value], _ tx: WriteTransaction) throws
    /// Imports: once every row of the file is written (`ids`), in the same transaction, what the
    /// rows say together (a member's history as a whole) and what follows from them; a problem
    /// reported here undoes the whole import.
    func importFinished(_ entity: Entity, ids: [Int64], _ tx: WriteTransaction) throws -> [ImportProblem]
    /// Whether an import of `entity` may write its rows on a second thread while it reads the next
    /// (fast, but no row already stored can change during it): false when `importFinished`
    /// updates other rows.
    func importsOverlapped(_ entity: Entity) -> Bool
    /// Before `void` removes `record` (a row of any module's entity): remove what belongs to it
    /// alone, recorded in the audit trail too (a member's own history), or refuse. Rows of other
    /// entities still referring to it then make coso refuse the removal.
    func voiding(_ record: Record, _ tx: WriteTransaction) throws
    /// After `update` or `void` (see `Correction`): check the result against the module's rules
    /// and recompute what follows from the corrected rows.
    func corrected(_ correction: Correction, _ tx: WriteTransaction) throws
    /// Targets the module keeps in the register (those staff add with a command), read when
    /// `targets` computes them, after every module's declared ones.
    func storedTargets(_ register: any RegisterReader) throws -> [TargetDefinition]
    /// The date of the latest fact the module records (a member's event), if it records dated
    /// facts: `targets` without a year measures the register at the latest of these.
    func latestFact(_ register: any RegisterReader) throws -> LocalDate?
}

/// Read-only access to the register for what a module answers through the contract (the query
/// runs as the session's reads do).
public protocol RegisterReader {
    /// Each row of one read-only statement (values bound, never pasted).
    func rows(_ sql: String, _ arguments: [Value], _ row: ([Value]) throws -> Void) throws
}

extension RegisterReader {
    /// The first column of the first row, `.null` when there is none.
    public func scalar(_ sql: String, _ arguments: [Value] = []) throws -> Value {
        var value = Value.null
        var first = true
        try rows(sql, arguments) { row in
            if first { value = row.first ?? .null; first = false }
        }
        return value
    }
}

extension CosoModule {
    public var enums: [EnumType] { [] }
    public var entities: [Entity] { [] }
    public var migrations: [Migration] { [] }
    public var commands: [Command] { [] }
    public var checks: [DataCheck] { [] }
    public var rules: [RuleDefinition] { [] }
    public var targets: [TargetDefinition] { [] }
    public var statistics: [StatisticDefinition] { [] }
    public var diagnostics: [DiagnosticDefinition] { [] }
    public var examplesOfCosoCodes: [CodeExample] { [] }
    public func importRow(_ entity: Entity, _ values: inout [Field: Value], _ tx: WriteTransaction) throws -> [ImportProblem] { [] }
    public func imported(_ entity: Entity, id: Int64, _ values: [Field: Value], _ tx: WriteTransaction) throws {}
    public func importFinished(_ entity: Entity, ids: [Int64], _ tx: WriteTransaction) throws -> [ImportProblem] { [] }
    public func importsOverlapped(_ entity: Entity) -> Bool { true }
    public func voiding(_ record: Record, _ tx: WriteTransaction) throws {}
    public func corrected(_ correction: Correction, _ tx: WriteTransaction) throws {}
    public func storedTargets(_ register: any RegisterReader) throws -> [TargetDefinition] { [] }
    public func latestFact(_ register: any RegisterReader) throws -> LocalDate? { nil }
    public var id: String { manifest.id }
}
