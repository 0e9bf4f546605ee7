import CosoCore
import CosoInspection
import CosoMembers
import CosoOrganisations
import CosoPropaganda
import CosoTargets
import CosoTesting
import GRDB
import Testing

@Suite struct ConformanceTests {
    /// Every built-in table checks its enum values without SQLite building a table of the allowed
    /// values for each row written (see `EnumChecks`): a member's row took 21 µs, 19 of them that.
    @Test func noBuiltInTableBuildsATablePerRowToCheckItsValues() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        _ = try db.session(allModules)
        let queue = try DatabaseQueue(path: db.path)
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        }
        #expect(tables.count >= 30)
        try queue.read { db in
            for table in tables {
                let ops = try Row.fetchAll(db, sql: "EXPLAIN INSERT INTO \(table) DEFAULT VALUES").map { $0["opcode"] as String }
                #expect(!ops.isEmpty && !ops.contains("OpenEphemeral"), "\(table)")
            }
        }
    }

    @Test func organisationsConforms() {
        #expect(ModuleConformance.check(OrganisationsModule(), with: []) == [])
    }

    @Test func membersConforms() {
        #expect(ModuleConformance.check(MembersModule(), with: [OrganisationsModule()]) == [])
    }

    @Test func inspectionConforms() {
        #expect(ModuleConformance.check(InspectionModule(), with: [OrganisationsModule(), MembersModule()]) == [])
    }

    @Test func propagandaConforms() {
        #expect(ModuleConformance.check(PropagandaModule(), with: [OrganisationsModule(), MembersModule()]) == [])
        #expect(ModuleConformance.check(TargetsModule(), with: [OrganisationsModule(), MembersModule(), InspectionModule()]) == [])
    }

    /// The check itself must be able to fail: a module whose example lies is caught.
    @Test func conformanceCatchesAWrongExample() {
        struct Liar: CosoModule {
            let manifest = Manifest(id: "liar", version: Version(0, 1, 0), summary: Label(vi: "x", en: "x"))
            var commands: [Command] {
                [Command("fib", summary: Label(vi: "x", en: "x"), examples: [CommandExample("fib", expected: "đúng")]) { _, _ in
                    Label(vi: "sai", en: "wrong")
                }]
            }
        }
        let problems = ModuleConformance.check(Liar(), with: [])
        #expect(problems.count == 1)
        #expect(problems.first?.contains("expected \"đúng\"") == true)
    }

    /// A data check with the wrong columns, or that fails, is caught; so is a dated source that
    /// drifted from its table.
    @Test func conformanceCatchesBrokenChecksAndDatedSources() {
        struct Sloppy: CosoModule {
            let manifest = Manifest(id: "sloppy", version: Version(0, 1, 0), summary: Label(vi: "x", en: "x"))
            var entities: [Entity] {
                [Entity(name: "things", label: Label(vi: "x", en: "x"), singular: Label(vi: "x", en: "x"),
                        fields: [Field("made", .date, vi: "Ngày", en: "Made")], displayField: nil,
                        dated: DatedSource(sql: "SELECT id FROM things WHERE made <= ?"))]
            }
            var checks: [DataCheck] {
                [DataCheck("X1", .error, entity: "things", problem: Label(vi: "x", en: "x"), fix: Label(vi: "x", en: "x"),
                           sql: "SELECT id AS row_id FROM things WHERE made < ?"),
                 DataCheck("X2", .error, entity: "things", problem: Label(vi: "x", en: "x"), fix: Label(vi: "x", en: "x"),
                           sql: "SELECT row_id, subject, org_id, detail FROM nowhere")]
            }
        }
        let problems = ModuleConformance.check(Sloppy(), with: [])
        #expect(problems.contains { $0.contains("things's dated source gives [\"id\"]") })
        #expect(problems.contains { $0.contains("check X1 yields [\"row_id\"]") })
        #expect(problems.contains { $0.contains("check X2 fails") })
    }
}
