/// Everything the language can name, gathered from the registered modules: entities, enum types
/// and commands. Immutable once built by the registry.
public struct Catalog: Sendable {
    public let entities: [String: Entity]
    public let enums: [String: EnumType]
    public let commands: [String: Command]
    /// Which module declared each entity and command, for help and `coso modules`.
    public let owner: [String: String]
    /// Every module's data checks, in registry order (what `check` reports; listed by `.help check`).
    public let checks: [DataCheck]
    /// The configurable values of every rule, with their defaults (`R25.years` → "5").
    public let settings: [String: String]
    /// Every module's plan targets, in registry order (what `targets` computes).
    public let targets: [TargetDefinition]
    /// Every module's statistics tables, in registry order (`stats`).
    public let statistics: [StatisticDefinition]
    /// Every module's diagnostics, with the module's id, in registry order (coso's own are
    /// `HostDiagnostics.all`).
    public let diagnostics: [(module: String, definition: DiagnosticDefinition)]
    /// The modules' examples of coso's own codes, in registry order.
    public let cosoCodeExamples: [CodeExample]

    public init(entities: [String: Entity], enums: [String: EnumType], commands: [String: Command], owner: [String: String],
                checks: [DataCheck] = [], settings: [String: String] = [:], targets: [TargetDefinition] = [],
                statistics: [StatisticDefinition] = [], diagnostics: [(module: String, definition: DiagnosticDefinition)] = [],
                cosoCodeExamples: [CodeExample] = []) {
        self.entities = entities; self.enums = enums; self.commands = commands; self.owner = owner; self.checks = checks
        self.settings = settings; self.targets = targets; self.statistics = statistics; self.diagnostics = diagnostics
        self.cosoCodeExamples = cosoCodeExamples
    }

    public func entity(_ name: String) -> Entity? { entities[name] }

    /// A diagnostic by its code, coso's own or a module's, with who declares it; a code of coso's
    /// own without an example of its own takes the first a module gives.
    public func diagnostic(_ code: String) -> (module: String, definition: DiagnosticDefinition)? {
        if let host = HostDiagnostics.all.first(where: { $0.code == code }) {
            guard host.example == nil, let given = cosoCodeExamples.first(where: { $0.code == code }) else { return ("coso", host) }
            return ("coso", DiagnosticDefinition(host.code, vi: host.title.vi, en: host.title.en, helpVi: host.help?.vi, helpEn: host.help?.en,
                                                 regulation: host.regulation, example: given.example))
        }
        return diagnostics.first { $0.definition.code == code }
    }

    /// The organisation tree: the entity a module declares as such (one at most), if any.
    public var tree: Entity? { treeName.flatMap { entities[$0] } }
    private var treeName: String? { entities.values.first { $0.tree != nil }?.name }

    /// The field that places `entity`'s rows in the organisation tree (see `Entity.placedBy`): nil
    /// for the tree itself and for entities with no place in it (the audit trail).
    public func placingField(of entity: Entity) -> Field? {
        guard let tree = treeName, entity.name != tree else { return nil }
        if let name = entity.placedBy { return entity.field(name) }
        let references = entity.fields.filter { if case .reference = $0.type { return true } else { return false } }
        if let direct = references.first(where: { $0.type == .reference(tree) }) { return direct }
        return references.first { f in
            guard case .reference(let target) = f.type, target != entity.name, let other = entities[target] else { return false }
            return other.tree != nil || placingField(of: other).map { $0.type == .reference(tree) } == true
        }
    }
    public func enumType(_ id: String) -> EnumType? { enums[id] }

    /// Entity names in a stable order (for completion and help).
    public var entityNames: [String] { entities.keys.sorted() }
    public var commandNames: [String] { commands.keys.sorted() }

    /// The longest command whose words begin `words` (so `org add` wins over a command `org`).
    public func command(matching words: [String]) -> Command? {
        var best: Command?
        for c in commands.values where c.words.count <= words.count && Array(words.prefix(c.words.count)) == c.words {
            if best == nil || c.words.count > best!.words.count { best = c }
        }
        return best
    }

    /// The first words of every command (`org`, `admit`), to tell a command from an entity.
    public var commandHeads: Set<String> { Set(commands.values.map { $0.words[0] }) }

    /// Entities whose reference fields point at `entity` (back-references), with the field.
    public func references(to entity: String) -> [(Entity, Field)] {
        entities.values.sorted { $0.name < $1.name }.flatMap { e in
            e.fields.compactMap { f in f.type == .reference(entity) ? (e, f) : nil }
        }
    }
}
