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

    public init(id: String, version: Version, summary: Label, requires: [Requirement] = [],
                pluginProtocol: Version = pluginProtocolVersion) {
        self.id = id; self.version = version; self.summary = summary
        self.requires = requires; self.pluginProtocol = pluginProtocol
    }
}

/// A coso module: everything it adds, declared as data.
///
/// Built-in modules are listed once in the executable (`BuiltinModules.all`); nothing is scanned or
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
    /// Imports (`coso import ENTITY FILE.csv`): fills what a row may leave out, then reports what
    /// is wrong with it beyond its types (a rule, a format), before it is written.
    func importRow(_ entity: Entity, _ values: inout [Field: Value], _ tx: WriteTransaction) throws -> [ImportProblem]
    /// Imports: what follows from a written row (a member's history events).
    func imported(_ entity: Entity, id: Int64, _ values: [Field: Value], _ tx: WriteTransaction) throws
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
    public func importRow(_ entity: Entity, _ values: inout [Field: Value], _ tx: WriteTransaction) throws -> [ImportProblem] { [] }
    public func imported(_ entity: Entity, id: Int64, _ values: [Field: Value], _ tx: WriteTransaction) throws {}
    public var id: String { manifest.id }
}
