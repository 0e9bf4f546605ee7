import CosoBuiltins
import CosoCore
import CosoDemo
import CosoScript
import CosoTesting
import Foundation
import Testing

/// Every bound, format and enum a built-in field declares is kept on every write path: a value
/// that breaks it is refused as an ordinary error (never an internal one), pointing at what was
/// written, with nothing written. Through a command (each constrained field a command writes),
/// through `coso import` and through a correction (`update`; every constrained field of every
/// built-in entity, generated from the declarations).
@Suite struct WriteRefusalTests {
    static func long(_ n: Int) -> String { String(repeating: "a", count: n) }

    /// A commune (1) with a village cell (2), a full member (1) and a study session (1).
    static let setup = """
        org add "Đảng bộ xã Gia Hiệp" kind: commune_committee founded: @1980-01-01
        org add "Chi bộ thôn 8" kind: village_cell parent: 1 committee: true
        admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: 2 on: @2010-05-19 introducers_on_file: true
        confirm 1 on: @2011-05-20
        study 2 resolution: "NQ 21" held_on: @2022-09-10
        """

    /// A statement, and the text in it the refusal must point at.
    static let cases: [(String, String)] = [
        (#"org add "\#(long(201))" kind: village_cell"#, long(201)),
        (#"org add "Chi bộ X" kind: village_cell code: "\#(long(21))""#, long(21)),
        (#"org add "Chi bộ X" kind: village_cell founded: @2099-01-01"#, "@2099-01-01"),
        (#"org add "Chi bộ X" kind: khong_co"#, "khong_co"),
        // (A control character is refused where it stands, before the command runs: E0114.)
        ("org add \"Chi bộ \u{1B}[31mX\" kind: village_cell", "\u{1B}"),
        (#"org add "   " kind: village_cell"#, "   "),
        (#"org add "Chi bộ\tX" kind: village_cell"#, #"Chi bộ\tX"#),
        (#"bulletin 2 issued: @2024-03-15 title: "Bản tin\nsố 2""#, #"Bản tin\nsố 2"#),
        (#"village add "\#(long(201))" kind: village commune: 1"#, long(201)),
        (#"term 2 started: @2025-07-15 ends: @2030-07-14 seats: 0"#, "0"),
        (#"term 2 started: @2025-07-15 ends: @2030-07-14 seats: 100"#, "100"),
        (#"term 2 started: @2025-07-15 ends: @2020-07-14"#, "@2020-07-14"),
        (#"recognise 2 year: 1929 kind: four_good"#, "1929"),
        (#"recognise 2 year: 2201 kind: four_good"#, "2201"),
        (#"innovation 2 year: 1800 title: "Mô hình""#, "1800"),
        (#"innovation 2 year: 2024 title: "\#(long(501))""#, long(501)),
        (#"innovation 2 year: 2024 title: "Mô hình" product: "\#(long(1001))""#, long(1001)),
        (#"meeting 2 held: @2024-05-05 kind: regular present: -1"#, "-1"),
        (#"meeting 2 held: @2024-05-05 kind: regular excused: -1"#, "-1"),
        (#"meeting 2 held: @2024-05-05 kind: khong_co"#, "khong_co"),
        (#"admit "=SUM(A1)" born: @1990-01-01 gender: male org: 2 on: @2024-01-02 introducers_on_file: true"#, "=SUM(A1)"),
        (#"admit "\#(long(101))" born: @1990-01-01 gender: male org: 2 on: @2024-01-02 introducers_on_file: true"#, long(101)),
        (#"admit "Lê Văn Bình" born: @1990-01-01 gender: male org: 2 on: @2024-01-02 national_id: "12345" introducers_on_file: true"#, "12345"),
        (#"admit "Lê Văn Bình" born: @1990-01-01 gender: male org: 2 on: @2024-01-02 national_id: "0123456789AB" introducers_on_file: true"#, "0123456789AB"),
        (#"admit "Lê Văn Bình" born: @1990-01-01 gender: khong_co org: 2 on: @2024-01-02 introducers_on_file: true"#, "khong_co"),
        (#"card 1 number: "1234567" on: @2012-01-01"#, "1234567"),
        (#"members | where id == 1 | rate 2025 level: good score: 101"#, "101"),
        (#"members | where id == 1 | rate 2025 quarter: 5 level: good"#, "5"),
        (#"fee 1 month: @2025-12-01 amount: -1"#, "-1"),
        (#"fee 1 month: @2025-12-01 amount: 1000 base: -1"#, "-1"),
        (#"fee 1 month: @2025-12-01 amount: 1000 reduction: 40"#, "40"),
        (#"inspect mode: inspection kind: regular by_org: 1 subject_org: 2 started: @2024-05-01 plan_year: 1800"#, "1800"),
        (#"inspect mode: inspection kind: regular by_org: 1 subject_org: 2 started: @2024-05-01 conclusion: "\#(long(4001))""#, long(4001)),
        (#"inspect mode: inspection kind: regular by_org: 1 subject_org: 2 started: @2024-05-01 ended: @2024-04-01"#, "@2024-04-01"),
        (#"inspection plan 1 year: 1800 on: @2024-01-10"#, "1800"),
        (#"study 2 resolution: "NQ" held_on: @2022-09-10 invited: -1"#, "-1"),
        (#"study 2 resolution: "NQ" held_on: @2022-09-10 attended: -1"#, "-1"),
        (#"study 2 resolution: "NQ" held_on: @2022-09-10 invited: 5 attended: 6"#, "5"),
        (#"study 2 resolution: "\#(long(201))" held_on: @2022-09-10"#, long(201)),
        (#"exemplar year: 1800 title: "Gương" member: 1"#, "1800"),
        (#"exemplar year: 2024 title: "\#(long(501))" member: 1"#, long(501)),
        (#"bulletin 2 issued: @2024-03-15 title: "Bản tin" copies: -5"#, "-5"),
        (#"bulletin 2 issued: @2024-03-15 title: "\#(long(501))""#, long(501)),
        (#"train 1 course: elementary ended: @2024-01-01 provider: "\#(long(201))""#, long(201)),
        (#"train 1 course: elementary ended: @2024-01-01 certificate: "\#(long(51))""#, long(51)),
        (#"appoint 1 role: secretary org: 2 on: @2099-01-01"#, "@2099-01-01"),
        (#"discipline member: 1 measure: reprimand by: 2 on: @2025-09-01 votes: -1 of: 5"#, "-1"),
        (#"target add X1 title: "\#(long(501))" counted: "orgs | count" goal: at_least value: 1"#, long(501)),
        (#"setting "R25.years" value: "-3""#, "-3"),
    ]

    @Test func aValueAFieldDoesNotTakeIsRefusedThroughItsCommand() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let session = try db.session(Builtins.all)
        _ = try session.output(Self.setup)
        let before = try session.store.scalar("SELECT count(*) FROM audit_changes")
        for (statement, at) in Self.cases {
            if let (d, pointed) = Self.refusal(statement, session) {
                // At the value itself (with its quotes or @), not at the statement or the command.
                #expect(pointed.contains(at) && pointed.count <= at.count + 2, "\(statement) → \(d.code) points at '\(pointed)', not at '\(at)'")
                // Naming what was refused: the field, as its declaration or the command's parameter calls it.
                #expect(Self.namesAField(d.message.vi, session.catalog), "\(statement) → \(d.code) \(d.message.vi)")
            }
        }
        #expect(try session.store.scalar("SELECT count(*) FROM audit_changes") == before)
    }

    /// The refusal of a statement that must be refused as an ordinary error (never an internal
    /// one), with the text its diagnostic points at; nil (and an issue) when it was accepted.
    static func refusal(_ statement: String, _ session: Session) -> (Diagnostic, String)? {
        do {
            _ = try session.output(statement)
            Issue.record("accepted: \(statement.debugDescription)")
        } catch let e as SourceError {
            let d = e.diagnostic
            #expect(!d.code.hasPrefix("E07"), "\(statement) → \(d.code) \(d.message.vi)")
            let bytes = Array(statement.utf8)
            return (d, d.span.map { String(decoding: bytes[$0.start..<min($0.end, bytes.count)], as: UTF8.self) } ?? "")
        } catch {
            Issue.record("\(statement.debugDescription): \(error)")
        }
        return nil
    }

    /// Whether a refusal names a field of some entity (its label, in any case) or the setting refused.
    static func namesAField(_ message: String, _ catalog: Catalog) -> Bool {
        let lower = message.lowercased()
        let labels = catalog.entities.values.flatMap { $0.fields.map { $0.label.vi.lowercased() } }
        return labels.contains { lower.contains($0) } || message.contains("R25.years")
    }

    /// A value breaking what a field declares, for each constraint of each field of each built-in
    /// entity, in a file of one column: the import reports it at that column, with the code of
    /// the check every write shares, and writes nothing.
    static func violations(_ field: Field, _ catalog: Catalog) -> [(String, String)] {
        var out: [(String, String)] = []
        switch field.type {
        case .enumeration: out.append(("khong_co_gia_tri", "E0411"))
        case .reference: out.append(("999999", "E0412"))
        case .int: out.append(("mười", "E0408"))
        case .date: out.append(("2024-13-45", "E0409"))
        case .text:
            out.append(("a\u{1B}[2Jb", "E0511"))
            if !field.multiline { out.append(("a\tb", "E0511")) }
        case .bool, .decimal: break
        }
        for c in field.constraints {
            switch c {
            case .range(let lo, let hi):
                if let lo { out.append((String(lo - 1), "E0504")) }
                if let hi { out.append((String(hi + 1), "E0504")) }
            case .oneOf(let values): out.append((String((values.max() ?? 0) + 1), "E0505"))
            case .maxLength(let n): out.append((String(repeating: "a", count: n + 1), "E0506"))
            case .digits(let n): out.append((String(repeating: "1", count: n - 1), "E0507"))
            case .personName: out.append(("=HYPERLINK(\"x\")", "E0508"))
            case .firstOfMonth: out.append(("2024-05-15", "E0509"))
            case .notInFuture: out.append(("2099-01-01", "E0510"))
            }
        }
        if field.required && field.defaultValue == nil { out.append(("", "E0501")) }
        return out
    }

    @Test func aValueAFieldDoesNotTakeIsRefusedThroughImport() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let session = try db.session(Builtins.all)
        _ = try session.output(Self.setup)
        let catalog = session.catalog
        let core = try Registry([]).catalog.entityNames
        var tried = 0
        for entity in catalog.entities.values.sorted(by: { $0.name < $1.name }) where entity.isStored && !entity.readOnly {
            guard !core.contains(entity.name) || entity.name == "settings" else { continue }
            let rows = try session.store.scalar("SELECT count(*) FROM \(entity.table)")
            for field in entity.fields where field.name != "id" {
                for (value, code) in Self.violations(field, catalog) {
                    tried += 1
                    let file = db.directory + "/one.csv"
                    let cell = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    try "\(field.name)\n\(cell)\n".write(toFile: file, atomically: true, encoding: .utf8)
                    let report = try Importer(store: session.store, entity: entity)
                        .run(path: file, origin: WriteOrigin(user: "t", statement: "import", source: "test", today: session.today))
                    #expect(report.written == 0)
                    #expect(report.problems.contains { $0.code == code && $0.column == field.name },
                            "\(entity.name).\(field.name) = \(value.debugDescription): \(report.problems.map { "\($0.code) \($0.column ?? "")" })")
                    #expect(!report.problems.contains { $0.code.hasPrefix("E07") })
                }
            }
            #expect(try session.store.scalar("SELECT count(*) FROM \(entity.table)") == rows, "\(entity.name)")
        }
        #expect(tried > 150)
    }
    /// A violating value as the language writes it (the import's text, quoted or dated).
    static func literal(_ value: String, _ field: Field) -> String {
        switch field.type {
        case .int, .reference, .decimal: return Int64(value) != nil ? value : "\"" + value + "\""
        case .date: return "@" + value
        case .enumeration: return value
        case .text, .bool:
            return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\t", with: "\\t") + "\""
        }
    }

    @Test func aValueAFieldDoesNotTakeIsRefusedThroughACorrection() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let session = try db.session(Builtins.all)
        _ = try DemoDistrict(seed: 1).build(into: session.store, user: "test")
        let before = try session.store.scalar("SELECT count(*) FROM audit_changes")
        var tried = 0
        for entity in session.catalog.entities.values.sorted(by: { $0.name < $1.name })
        where entity.isStored && !entity.readOnly && !entity.appendOnly {
            guard let row = try session.store.scalar("SELECT min(id) FROM \(entity.table)").intValue else { continue }
            for field in entity.fields where field.name != "id" && field.changedBy.isEmpty {
                for (value, code) in Self.violations(field, session.catalog) where !value.isEmpty {
                    tried += 1
                    let written = Self.literal(value, field)
                    let statement = "\(entity.name) | where id == \(row) | update \(field.name): \(written) reason: \"thử\""
                    if let (d, pointed) = Self.refusal(statement, session) {
                        // What the declaration says is refused with the code every write shares.
                        // (A control character in a statement is refused by the lexer first, E0114, at its place.)
                        if code.hasPrefix("E05") {
                            #expect(d.code == code || (code == "E0511" && d.code == "E0114"), "\(statement.debugDescription) → \(d.code), not \(code)")
                        }
                        #expect(pointed.contains(String(written.prefix(8))) || written.contains(pointed) && !pointed.isEmpty,
                                "\(statement.debugDescription) → \(d.code) points at '\(pointed)'")
                    }
                }
            }
        }
        #expect(tried > 150)
        #expect(try session.store.scalar("SELECT count(*) FROM audit_changes") == before)
    }
}
