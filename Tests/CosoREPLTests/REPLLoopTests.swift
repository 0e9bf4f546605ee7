import CosoBuiltins
import CosoCore
import CosoREPL
import CosoScript
import CosoTesting
import Foundation
import Testing

let modules: [any CosoModule] = Builtins.all

/// Feeds the REPL a fixed sequence of lines, Ctrl-C and Ctrl-D; records what it adds to history.
final class ScriptedReader: LineReader {
    var events: [LineEvent]
    var prompts: [String] = []
    var history: [String] = []
    init(_ events: [LineEvent]) { self.events = events }
    func readLine(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return events.isEmpty ? .end : events.removeFirst()
    }
    func addHistory(_ entry: String) { history.append(entry) }
}

/// A commune, a cell with a committee, and one member (id 1).
func smallRegister() throws -> (TemporaryDatabase, Session) {
    let db = try TemporaryDatabase()
    let session = try db.session(modules)
    _ = try session.output("""
        org add "Đảng bộ xã Gia Hiệp" kind: commune_committee
        org add "Chi bộ thôn 8" kind: village_cell parent: 1 committee: true
        admit "Đặng Văn Đức" born: @1970-03-01 gender: male org: 2 on: @1995-01-01 theory: intermediate introducers_on_file: true
        """)
    return (db, session)
}

/// Runs the REPL loop on a small database with scripted input; returns (stdout, stderr, reader).
func repl(_ events: [LineEvent], width: Int? = nil) throws -> (String, String, ScriptedReader) {
    let (db, session) = try smallRegister()
    defer { db.remove() }
    let reader = ScriptedReader(events)
    let out = StringOutput(), err = StringOutput()
    REPL(session: session, reader: reader, output: out, errors: err, width: width).run()
    return (out.text, err.text, reader)
}

@Suite struct REPLLoopTests {
    @Test func continuationLinesMakeOneStatementAndOneHistoryEntry() throws {
        let (out, err, reader) = try repl([.line("orgs |"), .line("  where kind == village_cell |"), .line("count")])
        #expect(err == "")
        #expect(out.contains("\n1\n"))
        #expect(reader.prompts == ["coso> ", "  ...> ", "  ...> ", "coso> "])
        #expect(reader.history == ["orgs | where kind == village_cell | count"])
    }

    @Test func ctrlCDropsTheStatementAndTheLoopGoesOn() throws {
        let (out, err, reader) = try repl([.line("members |"), .interrupted, .line("members | count")])
        #expect(err == "")
        #expect(out.contains("\n1\n"))
        #expect(reader.history == ["members | count"])
    }

    @Test func aLineStartingWithASpaceStaysOutOfHistory() throws {
        let (_, _, reader) = try repl([.line(" members | count"), .line("orgs | count")])
        #expect(reader.history == ["orgs | count"])
    }

    @Test func errorsGoToStandardErrorAndTheLoopContinues() throws {
        let (out, err, _) = try repl([.line("members | where nme == 1"), .line("members | count")])
        #expect(err.hasPrefix("lỗi[E0202]: members không có trường 'nme'\n  --> <repl>:1:17"))
        #expect(out.hasSuffix("\n1\n\n"))
    }

    @Test func modesAndDotCommands() throws {
        let (out, err, _) = try repl([
            .line(".mode csv"), .line("orgs | select name, kind"),
            .line(".mode json"), .line("members | select name, theory"),
            .line(".mode markdown"), .line("orgs | where kind == village_cell | select name, has_committee"),
            .line(".mode line"), .line("members | select name, theory"),
            .line(".mode yaml"), .line(".lang en"), .line(".mode"),
        ])
        #expect(out.contains("name,kind\r\nĐảng bộ xã Gia Hiệp,commune_committee\r\nChi bộ thôn 8,village_cell\r\n"))
        #expect(out.contains("[\n {\"name\":\"Đặng Văn Đức\",\"theory\":\"intermediate\"}\n]\n"))
        #expect(out.contains("| Tên | Có cấp ủy |\n| --- | --- |\n| Chi bộ thôn 8 | có |\n"))
        #expect(out.contains("        Họ và tên = Đặng Văn Đức\nLý luận chính trị = trung cấp\n"))
        #expect(err.contains("chế độ hiển thị: table, csv, json, markdown, line (đang dùng line)"))
        #expect(err.contains("output modes: table, csv, json, markdown, line (now line)"))
    }

    @Test func tablesAlignByDisplayWidthAndTurnVerticalWhenTooWide() throws {
        let (out, _, _) = try repl([.line("orgs | select name, kind")], width: 200)
        #expect(out.contains("""
            Tên                 │ Loại
            ────────────────────┼─────────────────────────────
            Đảng bộ xã Gia Hiệp │ Đảng bộ xã, phường, thị trấn
            Chi bộ thôn 8       │ Chi bộ thôn, tổ dân phố
            (2 dòng)
            """))
        let (narrow, _, _) = try repl([.line("orgs | select name, kind")], width: 30)
        #expect(narrow.contains(" Tên = Đảng bộ xã Gia Hiệp\nLoại = Đảng bộ xã, phường, thị trấn\n\n Tên = Chi bộ thôn 8\n"))
    }

    @Test func onceReadAndTimer() throws {
        let dir = NSTemporaryDirectory() + "coso-repl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "orgs | count\nmembers | count\n".write(toFile: dir + "/s.coso", atomically: true, encoding: .utf8)
        let (out, err, _) = try repl([
            .line(".mode csv"), .line(".once \(dir)/out.csv"), .line("orgs | sort id | select name"), .line("members | count"),
            .line(".read \(dir)/s.coso"), .line(".timer on"), .line("orgs | count"), .line(".read \(dir)/missing.coso"),
        ])
        let written = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8)
        #expect(written == "name\r\nĐảng bộ xã Gia Hiệp\r\nChi bộ thôn 8\r\n", "\(JSON.quote(written))")
        #expect(!out.contains("Gia Hiệp"))  // went to the file, not the screen
        #expect(out.contains("\n1\n2\n1\n"))
        #expect(err.contains("Thời gian: "))
        #expect(err.contains("không đọc được tệp"))
    }

    @Test func helpAndSchemaComeFromTheCatalogue() throws {
        let (out, err, _) = try repl([.line(".help"), .line(".help admit"), .line(".schema orgs"), .line(".hlep"), .line(".quit"),
                                      .line("orgs | count")])
        #expect(out.range(of: "\n  admit +Kết nạp đảng viên", options: .regularExpression) != nil)
        #expect(out.contains(#"admit "Nguyễn Văn An" born: @1998-04-12 gender: male org: "Chi bộ thôn 5" on: @2024-05-19 introducers_on_file: true"#))
        #expect(out.range(of: "has_committee +bool", options: .regularExpression) != nil)
        #expect(err.contains("không có lệnh .hlep; có phải ý bạn là .help?"))
        #expect(!out.contains("\n2\n"))  // .quit left before the last line
    }
}

@Suite struct REPLTransactionTests {
    @Test func thePromptMarksAnOpenTransactionAndLeavingRollsItBack() throws {
        let (out, err, reader) = try repl([
            .line("begin"), .line(#"admit "Một" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true"#), .line("members | count"),
        ])
        #expect(reader.prompts == ["coso> ", "coso*> ", "coso*> ", "coso*> "])
        #expect(out.contains("\n2\n"))
        #expect(err.contains("Giao dịch chưa commit: đã hủy các thay đổi từ lúc begin."))
    }
}

@Suite struct CorrectionHelpTests {
    @Test func helpUpdateListsTheFieldsThatFollowFromEventsWithTheirCommands() throws {
        let (out, _, _) = try repl([.line(".help update"), .line(".help void"), .line(".quit")])
        #expect(out.contains(#"update TRƯỜNG: GIÁ_TRỊ ... reason: "LÝ DO""#))
        #expect(out.contains("members.status  → confirm, suspend"))
        #expect(out.contains("orgs.has_committee  → term"))
        #expect(!out.contains("Không có mục trợ giúp"))
    }

    @Test func aDryRunWritesNothingAndSaysSo() throws {
        let (out, _, _) = try repl([.line(".dryrun on"), .line(#"members | where id == 1 | update theory: advanced reason: "thử""#),
                                    .line(".dryrun off"), .line("members | where id == 1 | select theory"), .line(".quit")])
        #expect(out.contains("Chạy thử (không ghi gì): bật"))
        #expect(out.contains("(chạy thử, không ghi gì) Đã sửa lý luận chính trị của 1 đảng viên"))
        #expect(out.contains("trung cấp"))
    }
}

@Suite struct WordHelpTests {
    @Test func everyStageFunctionAndStatementHasHelpWhoseExamplesRun() throws {
        // Every word the lexer and parser give a meaning to, and every condition, enum and entity.
        let catalog = Catalog.builtins
        let conditions = catalog.entityNames.compactMap { catalog.entity($0) }.flatMap { $0.conditions.map(\.name) }
        let words = Parser.stageKeywords.union(Parser.functions).union(Parser.keywords).union(Parser.operators)
            .union(conditions).union(catalog.enums.keys).union(catalog.entityNames)
        #expect(words.count > 60)
        for word in words.sorted() {
            let text = Help.text(topic: word, catalog: catalog, language: .vi)
            #expect(!text.hasPrefix("Không có mục trợ giúp"), "\(word): \(text)")
        }
        #expect(conditions.contains("on_roll"))
        // An enum lists its cases with their labels and other names.
        let ethnicity = Help.text(topic: "ethnicity", catalog: catalog, language: .vi)
        #expect(ethnicity.contains("co_ho") && ethnicity.contains("Cơ-ho") && ethnicity.contains("K'Ho"))
        // The examples run on a small register (save and use touch files: shown, not run).
        let (db, session) = try smallRegister()
        defer { db.remove() }
        var ran = 0
        for entry in WordHelp.entries {
            for example in entry.examples {
                #expect(throws: Never.self, "\(entry.word): \(example)") { _ = try session.output(example) }
                ran += 1
            }
        }
        #expect(ran >= 35)
    }
}

extension Catalog {
    /// The catalogue of the built-in modules.
    static let builtins: Catalog = try! Registry(modules).catalog
}
