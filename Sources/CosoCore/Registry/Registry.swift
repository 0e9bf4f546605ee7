/// Words the language keeps for itself: no command or entity may take them.
public let reservedWords: Set<String> = [
    "where", "select", "sort", "take", "skip", "count", "first", "distinct", "summarize", "by",
    "let", "and", "or", "not", "in", "null", "true", "false", "def", "use", "if", "else", "for",
    "begin", "commit", "rollback", "asof",
]

/// The registered modules, validated and ordered by their requirements, and the catalogue they
/// declare. Built once from an explicit list; immutable afterwards.
public struct Registry: Sendable {
    /// Modules in dependency order (a module after everything it requires); the core module first.
    public let modules: [any CosoModule]
    public let catalog: Catalog
    /// How many migrations each module declares (they are numbered 1 to that count), in module
    /// order: what a database must have applied to be current.
    public let migrationCounts: [(module: String, count: Int)]
    /// The names of the tables each module declares, in module order (a module's tables after
    /// those of the modules it requires): the order a new register creates them in.
    public let tables: [(module: String, entities: [String])]

    public init(_ list: [any CosoModule]) throws(RegistryError) {
        let all: [any CosoModule] = [CoreModule()] + list
        var byID: [String: any CosoModule] = [:]
        for m in all {
            guard byID[m.id] == nil else { throw .duplicateModule(m.id) }
            byID[m.id] = m
        }
        for m in all {
            let declared = m.manifest.pluginProtocol
            guard declared.major == pluginProtocolVersion.major, declared.minor <= pluginProtocolVersion.minor else {
                throw .incompatibleProtocol(module: m.id, declared: "\(declared)", host: "\(pluginProtocolVersion)")
            }
            for r in m.manifest.requires {
                guard let dep = byID[r.module] else { throw .missingRequirement(module: m.id, requires: r.module) }
                guard r.versions.contains(dep.manifest.version) else {
                    throw .versionMismatch(module: m.id, requires: r.module, range: "\(r.versions)",
                                           found: "\(dep.manifest.version)")
                }
            }
        }
        modules = try Registry.order(all, byID: byID)
        let declared = modules.map(Declarations.init)
        catalog = try Registry.buildCatalog(declared)
        migrationCounts = declared.map { ($0.id, $0.migrationNumbers.count) }
        tables = declared.map { m in (m.id, m.entities.filter(\.isStored).map(\.name)) }
    }

    public func module(_ id: String) -> (any CosoModule)? { modules.first { $0.id == id } }

    /// Refuses an entity declaration the store could not make a table of, or could not check writes
    /// against (`DeclarationCheck`). Not part of building the registry, which every start of coso
    /// does: the store asks whenever it makes or changes tables (a register whose tables match the
    /// declarations passed it when they were made), and so does a module's conformance test.
    public func checkDeclarations() throws(RegistryError) {
        // (Here, not at every start: folding every name of every enum cost 2 ms of a 5 ms `coso -c`.)
        for m in modules {
            for e in m.enums {
                let clashes = e.ambiguousNames
                if !clashes.isEmpty { throw .ambiguousEnumNames(module: m.id, enum: e.id, names: clashes) }
            }
        }
        for (module, names) in tables {
            for name in names {
                guard let entity = catalog.entity(name) else { continue }
                try DeclarationCheck.check(entity, module: module, enums: catalog.enums, entities: catalog.entities)
            }
        }
    }

    /// Depth-first topological order, keeping list order among independent modules; reports the
    /// first cycle found as a path.
    private static func order(_ all: [any CosoModule], byID: [String: any CosoModule]) throws(RegistryError) -> [any CosoModule] {
        var state: [String: Int] = [:] // 1 visiting, 2 done
        var result: [any CosoModule] = []
        var stack: [String] = []
        func visit(_ id: String) throws(RegistryError) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let start = stack.firstIndex(of: id) ?? 0
                throw .cyclicRequirement(Array(stack[start...]) + [id])
            }
            state[id] = 1; stack.append(id)
            for r in byID[id]!.manifest.requires { try visit(r.module) }
            stack.removeLast(); state[id] = 2
            result.append(byID[id]!)
        }
        for m in all { try visit(m.id) }
        return result
    }

    /// One module's declarations, read once: each is a computed property that builds its arrays
    /// again when asked, and the registry is built at every start of coso.
    private struct Declarations {
        let id: String
        let enums: [EnumType], entities: [Entity], commands: [Command]
        let checks: [DataCheck], rules: [RuleDefinition], targets: [TargetDefinition], statistics: [StatisticDefinition]
        let diagnostics: [DiagnosticDefinition], codes: ClosedRange<Int>?, cosoCodeExamples: [CodeExample]
        let migrationNumbers: [Int]

        init(_ m: any CosoModule) {
            id = m.id
            enums = m.enums; entities = m.entities; commands = m.commands
            checks = m.checks; rules = m.rules; targets = m.targets; statistics = m.statistics
            diagnostics = m.diagnostics; codes = m.manifest.codes; cosoCodeExamples = m.examplesOfCosoCodes
            migrationNumbers = m.migrations.map(\.number)
        }
    }

    private static func buildCatalog(_ declared: [Declarations]) throws(RegistryError) -> Catalog {
        var entities: [String: Entity] = [:], enums: [String: EnumType] = [:], commands: [String: Command] = [:]
        var owner: [String: String] = [:], enumOwner: [String: String] = [:]
        let checks = declared.flatMap(\.checks)
        // The registry's own derived entities: the data check and the rules, from every module.
        enums[DerivedEntities.severity.id] = DerivedEntities.severity; enumOwner[DerivedEntities.severity.id] = "core"
        let tree = declared.lazy.flatMap(\.entities).first { $0.tree != nil }?.name
        for e in [DerivedEntities.check(checks, tree: tree), DerivedEntities.rules(declared.map { ($0.id, $0.rules) })] {
            entities[e.name] = e; owner[e.name] = "core"
        }
        var codes: [String: String] = [:]
        for m in declared {
            for code in m.checks.map(\.code) + m.rules.map(\.code) {
                if let other = codes[code] { throw .duplicateCode(code, modules: [other, m.id]) }
                codes[code] = m.id
            }
        }
        // Targets and statistics have codes of their own (a rule may share its target's number).
        for codesOf in [{ (m: Declarations) in m.targets.map(\.code) }, { (m: Declarations) in m.statistics.map(\.code) }] {
            var seen: [String: String] = [:]
            for m in declared {
                for code in codesOf(m).map({ $0.lowercased() }) {
                    if let other = seen[code] { throw .duplicateCode(code, modules: [other, m.id]) }
                    seen[code] = m.id
                }
            }
        }
        for m in declared {
            for e in m.enums {
                if let other = enumOwner[e.id] { throw .duplicateEnum(e.id, modules: [other, m.id]) }
                enums[e.id] = e; enumOwner[e.id] = m.id
            }
            for e in m.entities {
                if let other = owner[e.name] { throw .duplicateEntity(e.name, modules: [other, m.id]) }
                if reservedWords.contains(e.name) { throw .duplicateEntity(e.name, modules: ["language", m.id]) }
                entities[e.name] = e; owner[e.name] = m.id
            }
            let numbers = m.migrationNumbers
            if numbers != Array(1..<(numbers.count + 1)) {
                throw .invalidMigrations(module: m.id, reason: "must be numbered 1, 2, 3, ... in order (found \(numbers))")
            }
            for c in m.commands {
                if let other = owner["command:" + c.name] { throw .duplicateCommand(c.name, modules: [other, m.id]) }
                if let head = c.words.first, reservedWords.contains(head) {
                    throw .invalidCommand(module: m.id, command: c.name, reason: "uses the reserved word '\(head)'")
                }
                let names = (c.positional + c.labelled).map(\.name)
                if Set(names).count != names.count {
                    throw .invalidCommand(module: m.id, command: c.name, reason: "declares a parameter twice")
                }
                commands[c.name] = c; owner["command:" + c.name] = m.id
            }
        }
        // Every field type must resolve, now that all modules are in.
        for m in declared {
            for e in m.entities {
                for f in e.fields {
                    switch f.type {
                    case .enumeration(let id) where enums[id] == nil:
                        throw .unknownType(module: m.id, entity: e.name, field: f.name, type: id)
                    case .reference(let target) where entities[target] == nil:
                        throw .unknownType(module: m.id, entity: e.name, field: f.name, type: target)
                    default: break
                    }
                }
            }
            for c in m.commands {
                if let input = c.input, entities[input] == nil {
                    throw .invalidCommand(module: m.id, command: c.name, reason: "takes input from unknown entity '\(input)'")
                }
            }
        }
        let commandHeads = Set(commands.values.map { $0.words[0] })
        for name in entities.keys where commandHeads.contains(name) {
            throw .duplicateCommand(name, modules: [owner[name] ?? "?", "entity and command"])
        }
        try checkDiagnostics(declared)
        var settings: [String: String] = [:]
        for m in declared { for r in m.rules { settings.merge(r.settings) { a, _ in a } } }
        return Catalog(entities: entities, enums: enums, commands: commands, owner: owner, checks: checks,
                       settings: settings, targets: declared.flatMap(\.targets),
                       statistics: declared.flatMap(\.statistics),
                       diagnostics: declared.flatMap { m in m.diagnostics.map { (m.id, $0) } },
                       cosoCodeExamples: declared.flatMap(\.cosoCodeExamples))
    }

    /// Each module's diagnostic codes lie in the range it claims, which no other module's
    /// overlaps and which leaves coso's own (below 1000) alone; no code is declared twice.
    private static func checkDiagnostics(_ declared: [Declarations]) throws(RegistryError) {
        var claimed: [(module: String, range: ClosedRange<Int>)] = []
        for m in declared {
            guard let range = m.codes else {
                if !m.diagnostics.isEmpty { throw .invalidDiagnostics(module: m.id, reason: "are declared but the manifest claims no codes") }
                continue
            }
            guard range.lowerBound >= 1000, range.upperBound <= 9999 else {
                throw .invalidDiagnostics(module: m.id, reason: "claim \(range), outside 1000...9999 (below 1000 is coso's own)")
            }
            if let other = claimed.first(where: { $0.range.overlaps(range) }) {
                throw .invalidDiagnostics(module: m.id, reason: "claim \(range), which overlaps the range of module '\(other.module)' (\(other.range))")
            }
            claimed.append((m.id, range))
            var seen: Set<String> = []
            for d in m.diagnostics {
                guard let n = d.number, range.contains(n) else {
                    throw .invalidDiagnostics(module: m.id, reason: "declare \(d.code), outside the range claimed (E\(range.lowerBound)...E\(range.upperBound))")
                }
                guard seen.insert(d.code).inserted else { throw .invalidDiagnostics(module: m.id, reason: "declare \(d.code) twice") }
            }
        }
    }
}
