import CosoCore
import Testing

/// A configurable fake module for registry tests.
struct Fake: CosoModule {
    var manifest: Manifest
    var commands: [Command]
    var entities: [Entity]
    var checks: [DataCheck] = []
    var rules: [RuleDefinition] = []
    var migrations: [Migration] = []
    var enums: [EnumType] = []

    init(_ id: String, version: Version = Version(1, 0, 0), requires: [(String, VersionRange)] = [], commands: [String] = [],
         entities: [String] = [], protocolVersion: Version = pluginProtocolVersion) {
        manifest = Manifest(id: id, version: version, summary: Label(vi: id, en: id),
                            requires: requires.map { Manifest.Requirement($0.0, $0.1) }, pluginProtocol: protocolVersion)
        self.commands = commands.map { Command($0, summary: Label(vi: $0, en: $0)) { _, _ in Label(vi: "", en: "") } }
        self.entities = entities.map { Entity(name: $0, label: Label(vi: $0, en: $0), singular: Label(vi: $0, en: $0), fields: []) }
    }
}

@Suite struct RegistryTests {
    let any1 = VersionRange.compatible(with: Version(1, 0, 0))

    @Test func refusesADuplicateCommand() {
        #expect(throws: RegistryError.duplicateCommand("admit", modules: ["a", "b"])) {
            try Registry([Fake("a", commands: ["admit"]), Fake("b", commands: ["admit"])])
        }
        let e = RegistryError.duplicateCommand("admit", modules: ["a", "b"])
        #expect(e.description == "command 'admit' is declared by more than one module (a, b); rename one")
    }

    @Test func refusesAnEnumWhoseCasesAnswerToOneName() throws {
        var a = Fake("a")
        a.enums = [EnumType(id: "people", label: Label(vi: "Dân tộc", en: "People"), cases: [
            .init("co_ho", vi: "Cơ-ho", en: "Cơ-ho", also: ["K'Ho"]),
            .init("kho", vi: "Khơ", en: "Khơ", also: ["Kho"]),
        ])]
        let registry = try Registry([a])
        #expect(throws: RegistryError.ambiguousEnumNames(module: "a", enum: "people", names: ["kho (co_ho, kho)"])) {
            try registry.checkDeclarations()
        }
        // Other names are found however they are spelt; the builtins' declare no clash (their test).
        let people = a.enums[0]
        #expect(people.find("Kơ Ho")?.id == nil)
        #expect(people.find("k'ho")?.id == "co_ho")
        #expect(people.find("Cơ Ho")?.id == "co_ho")
    }

    @Test func refusesACyclicRequirement() {
        #expect(throws: RegistryError.cyclicRequirement(["a", "b", "c", "a"])) {
            try Registry([Fake("a", requires: [("b", any1)]), Fake("b", requires: [("c", any1)]), Fake("c", requires: [("a", any1)])])
        }
        #expect(RegistryError.cyclicRequirement(["a", "b", "a"]).description
                == "modules require each other in a cycle: a -> b -> a; break the cycle")
    }

    @Test func refusesAMissingRequirementOrAWrongVersion() {
        #expect(throws: RegistryError.missingRequirement(module: "a", requires: "ghost")) {
            try Registry([Fake("a", requires: [("ghost", any1)])])
        }
        #expect(throws: RegistryError.versionMismatch(module: "a", requires: "b", range: ">= 1.0.0, < 2.0.0", found: "2.1.0")) {
            try Registry([Fake("a", requires: [("b", any1)]), Fake("b", version: Version(2, 1, 0))])
        }
    }

    @Test func refusesDuplicatesAndIncompatibleModules() {
        #expect(throws: RegistryError.duplicateModule("a")) { try Registry([Fake("a"), Fake("a")]) }
        #expect(throws: RegistryError.duplicateEntity("things", modules: ["a", "b"])) {
            try Registry([Fake("a", entities: ["things"]), Fake("b", entities: ["things"])])
        }
        #expect(throws: RegistryError.incompatibleProtocol(module: "a", declared: "2.0.0", host: "\(pluginProtocolVersion)")) {
            try Registry([Fake("a", protocolVersion: Version(2, 0, 0))])
        }
        #expect(throws: RegistryError.invalidCommand(module: "a", command: "where", reason: "uses the reserved word 'where'")) {
            try Registry([Fake("a", commands: ["where"])])
        }
    }

    @Test func ordersModulesAfterTheirRequirements() throws {
        let r = try Registry([Fake("c", requires: [("b", any1)]), Fake("b", requires: [("a", any1)]), Fake("a")])
        #expect(r.modules.map(\.id) == ["core", "a", "b", "c"])
        #expect(r.catalog.command(matching: ["x"]) == nil)
    }

    @Test func findsTheLongestMultiWordCommand() throws {
        let r = try Registry([Fake("a", commands: ["org", "org add"])])
        #expect(r.catalog.command(matching: ["org", "add", "x"])?.name == "org add")
        #expect(r.catalog.command(matching: ["org", "move"])?.name == "org")
    }

    @Test func derivedSourcesAreMadeOnceOnFirstUseWhateverTheThreads() async throws {
        var a = Fake("a"), b = Fake("b")
        a.checks = [DataCheck("A1", .error, entity: "x", problem: Label(vi: "p", en: "p"), fix: Label(vi: "f", en: "f"),
                              sql: "SELECT 1 AS row_id, NULL AS subject, NULL AS org_id, ? AS detail")]
        b.rules = [RuleDefinition("B1", vi: "luật", en: "rule", source: "Điều 1")]
        let catalog = try Registry([a, b]).catalog
        // Many threads read the deferred text at once: each gets the same SQL (a race would crash here).
        let texts = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    [catalog.entity("check")!.dated!.sql, catalog.entity("rules")!.dated!.sql]
                }
            }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(Set(texts).count == 1)
        let check = catalog.entity("check")!.dated!, rules = catalog.entity("rules")!.dated!
        #expect(check.sql.contains("'A1' AS code") && check.placeholders == 1 && check.always)
        #expect(rules.sql.contains("'B1'") && rules.sql.contains("'Điều 1'") && rules.placeholders == 2)
        // Equal by their text, as a source made at once would be.
        #expect(check == DatedSource(sql: check.sql, always: true))
        #expect(check != rules)
    }

    /// A history source whose SELECT is made on first use gives what the same SELECT given at once
    /// gives: the source, its form without the presence condition, their placeholders, equality.
    @Test func aDeferredHistorySourceIsTheOneMadeAtOnce() {
        let select = "SELECT m.id, (SELECT e.status FROM e WHERE e.happened <= ?) AS status FROM m"
        let presence = "EXISTS (SELECT 1 FROM e WHERE e.happened <= ?)"
        let deferred = DatedSource(presence: presence, impliedBy: ["status"]) { select }
        let ready = DatedSource(select: select, presence: presence, impliedBy: ["status"])
        #expect(deferred.sql == select + " WHERE " + presence && deferred.placeholders == 2 && !deferred.always)
        #expect(deferred.unconditional?.sql == select && deferred.unconditional?.placeholders == 1
                && deferred.unconditional?.impliedBy == ["status"])
        #expect(deferred == ready && DatedSource(sql: deferred.sql).unconditional == nil)
    }

    @Test func countsEachModulesMigrations() throws {
        var a = Fake("a")
        a.migrations = [Migration(1, "one", sql: "CREATE TABLE a1 (id INTEGER PRIMARY KEY)"),
                        Migration(2, "two", sql: "CREATE TABLE a2 (id INTEGER PRIMARY KEY)")]
        let counts = try Registry([a, Fake("b")]).migrationCounts
        #expect(counts.map(\.module) == ["core", "a", "b"])
        #expect(counts.dropFirst().map(\.count) == [2, 0])
    }
}
