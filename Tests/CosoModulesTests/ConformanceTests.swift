import CosoCore
import CosoInspection
import CosoMembers
import CosoOrganisations
import CosoPropaganda
import CosoTesting
import Testing

@Suite struct ConformanceTests {
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

    /// A declared field without its column is caught.
    @Test func conformanceCatchesAMissingColumn() {
        struct Drifted: CosoModule {
            let manifest = Manifest(id: "drifted", version: Version(0, 1, 0), summary: Label(vi: "x", en: "x"))
            var entities: [Entity] {
                [Entity(name: "things", label: Label(vi: "x", en: "x"), singular: Label(vi: "x", en: "x"),
                        fields: [Field("name", .text, vi: "Tên", en: "Name", searchable: true)])]
            }
            var migrations: [Migration] { [Migration(1, "things", sql: "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT) STRICT;")] }
        }
        let problems = ModuleConformance.check(Drifted(), with: [])
        #expect(problems.contains("drifted: things.name has no column name_folded"))
    }

    /// A required field whose column accepts null is caught (the planner relies on it).
    @Test func conformanceCatchesANullableRequiredField() {
        struct Loose: CosoModule {
            let manifest = Manifest(id: "loose", version: Version(0, 1, 0), summary: Label(vi: "x", en: "x"))
            var entities: [Entity] {
                [Entity(name: "things", label: Label(vi: "x", en: "x"), singular: Label(vi: "x", en: "x"),
                        fields: [Field("code", .text, vi: "Mã", en: "Code", required: true)], displayField: nil)]
            }
            var migrations: [Migration] { [Migration(1, "things", sql: "CREATE TABLE things (id INTEGER PRIMARY KEY, code TEXT) STRICT;")] }
        }
        #expect(ModuleConformance.check(Loose(), with: []) == ["loose: things.code is required but its column may be null"])
    }
}
