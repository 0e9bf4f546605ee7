import Foundation
import Testing

/// Bad input, as a hostile or a careless user gives it: coso never crashes and never answers with
/// an internal error (exit 70), says where the fault is without echoing personal data, exits with
/// the documented code, and writes nothing.
@Suite struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Statements given on standard input (bytes, so that they may be anything).
        let input: [UInt8]
        let status: Int32
        /// Texts the error output must hold (the code, the location).
        let expected: [String]
        var testDescription: String { name }

        init(_ name: String, _ input: String, _ status: Int32, _ expected: [String]) {
            self.init(name, Array(input.utf8), status, expected)
        }
        init(_ name: String, _ input: [UInt8], _ status: Int32, _ expected: [String]) {
            self.name = name; self.input = input; self.status = status; self.expected = expected
        }
    }

    static let nested = "members | where " + String(repeating: "(", count: 2_600) + "1 == 1" + String(repeating: ")", count: 2_600) + " | count"

    static let cases: [Case] = [
        Case("2,600 nested parentheses", nested, 65, ["E0112", "<stdin>:1:"]),
        Case("4,200 nots", "members | where " + String(repeating: "not ", count: 4_200) + "true | count", 65, ["E0112"]),
        Case("4,000 minus signs", "members | select x: " + String(repeating: "-", count: 4_000) + "1", 65, ["E0112"]),
        Case("a chain of 600 additions", "members | select x: " + Array(repeating: "1", count: 600).joined(separator: " + "), 65, ["E0112"]),
        Case("blocks nested 200 deep", String(repeating: "if true {\n", count: 200) + "orgs | count\n" + String(repeating: "}\n", count: 200), 65, ["E0112"]),
        Case("a list of 10,001 items", "members | where id in [" + (0...10_000).map(String.init).joined(separator: ", ") + "] | count", 65, ["E0112"]),
        Case("stages nesting 12 subqueries", "members" + String(repeating: " | take 5 | sort name", count: 12) + " | count", 65, ["E0245"]),
        Case("a misspelt stage before an expression", "members | wher theory == intermediate", 65, ["E0215", "có phải ý bạn là 'where'", "1:11"]),
        Case("invalid UTF-8", [UInt8]("orgs | count\norgs | where name == \"".utf8) + [0xFF, 0xFE] + [UInt8]("\" | count\n".utf8), 65, ["E0113", "<stdin>:2:23"]),
        Case("TCVN3 bytes", [UInt8]("members | where name == \"Nguy".utf8) + [0xD4, 0x6E] + [UInt8]("\" | count".utf8), 65, ["E0113", "TCVN3"]),
        Case("TCVN3 saved as Unicode", "members | where name == \"NguyÔn V¨n An\" | count", 65, ["E0115"]),
        Case("VNI saved as Unicode", "members | where name == \"Nguyeãn Vaên An\" | count", 65, ["E0115"]),
        Case("a NUL in a string", "orgs | where name == \"a\u{0}b\" | count", 65, ["E0114", "U+0000", "1:24"]),
        Case("an escape sequence in a string", "orgs | where name == \"a\u{1B}[31mb\" | count", 65, ["E0114", "U+001B", "\u{241B}"]),
        Case("a control character between tokens", "orgs |\u{1} count", 65, ["E0114", "1:7"]),
        Case("an impossible date", "members | where born == @2023-02-30 | count", 65, ["E0103", "1:25"]),
        Case("text compared with a date", "members | where born == \"1990\" | count", 65, ["E0208"]),
        Case("a name no row has", "members | where org == \"Chi bộ thôn Không Có\" | count", 65, ["E0301"]),
        Case("a name rows share", "members | where org == \"Chi bộ thôn 1\" | count", 65, ["E0302"]),
        Case("a command on a resolved candidate", "candidates | where stage == resolved | first | candidate step stage: applied on: @2024-01-01", 65, ["E11"]),
        Case("a write in a read-only source", "audit | void reason: \"x\"", 65, ["E02"]),
        Case("unterminated string", "orgs | where name == \"abc | count", 65, ["E0101", "1:22"]),
        Case("an equals sign for comparison", "orgs | where kind = village_cell", 65, ["E0102"]),
    ]

    @Test(arguments: cases)
    func badStatementsAreRefusedWithTheirPlaceAndNothingWritten(_ c: Case) throws {
        let db = try Coso.demoCopy()
        let before = try Self.audit(db)
        let r = Coso.spawn([Coso.binary, "--db", db], stdinBytes: c.input, environment: ProcessInfo.processInfo.environment)
        #expect(r.status == c.status, "\(c.name): \(r.stderr.prefix(600))")
        for text in c.expected { #expect(r.stderr.contains(text), "\(c.name): \(text) not in \(r.stderr.prefix(600))") }
        #expect(!r.stderr.contains("lỗi nội bộ") && !r.stderr.contains("\u{1B}"), "\(c.name)")
        #expect(try Self.audit(db) == before, "\(c.name): something was written")
    }

    /// The audit trail's length and the members' count: what any write changes.
    static func audit(_ db: String) throws -> String {
        try Coso.shell("sqlite3", [db, "select count(*) from audit; select count(*) from members; select max(id) from member_events"]).stdout
    }

    @Test func scriptsThatAreEmptyCommentsHugeOrNotTextAtAll() throws {
        let dir = try Coso.scratchDirectory()
        let db = Coso.sharedDemo
        func run(_ name: String, _ bytes: [UInt8]) throws -> Coso.Result {
            let path = dir + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try Coso.run(["run", path, "--db", db])
        }
        #expect(try run("empty.coso", []).status == 0)
        #expect(try run("comment.coso", Array("# chỉ có ghi chú\n# only comments\n".utf8)).status == 0)
        let line = try run("line.coso", Array(("orgs | where name == \"" + String(repeating: "a", count: 1_000_000) + "\" | count\n").utf8))
        #expect(line.status == 0 && line.stdout == "0\n")
        var random = SystemRandomNumberGenerator()
        let binary = try run("binary.coso", [0xE1, 0x41] + (0..<3_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        #expect(binary.status == 65 && binary.stderr.contains("E0113") && binary.stderr.contains("binary.coso:1:1"))
        #expect(!binary.stderr.contains("\u{1B}"))
        let mixed = try run("mixed.coso", Array("orgs | count\r\norgs | where kind == village_cell | count\norgs | count\r".utf8))
        #expect(mixed.status == 0 && mixed.stdout == "359\n183\n359\n", "\(mixed.stdout) \(mixed.stderr)")
        let directory = try Coso.run(["run", dir, "--db", db])
        #expect(directory.status == 66)
        let itself = dir + "/self.coso"
        try ".read \(itself)\n".write(toFile: itself, atomically: true, encoding: .utf8)
        let cycle = try Coso.run(["run", itself, "--db", db])
        #expect(cycle.status == 65 && cycle.stderr.contains("E0232"))
        // Text that looks like SQL is a value like any other.
        let injection = try Coso.run(["--db", db, "-c", #"members | where name == "x'; DROP TABLE members; --" | count"#])
        #expect(injection.status == 0 && injection.stdout == "0\n")
        #expect(try Coso.shell("sqlite3", [db, "select count(*) > 4000 from members"]).stdout == "1\n")
    }

    @Test func coso_opensOnlyRegisters() throws {
        let dir = try Coso.scratchDirectory()
        try FileManager.default.copyItem(atPath: Coso.sharedDemo, toPath: dir + "/demo.db")
        // A mistyped name: nothing made, the nearest file named.
        let typo = try Coso.run(["--db", dir + "/dmeo.db", "-c", "members | count"])
        #expect(typo.status == 66 && typo.stdout.isEmpty)
        #expect(typo.stderr.contains("Có phải ý bạn là \(dir)/demo.db?") && typo.stderr.contains("coso init"), "\(typo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/dmeo.db"))
        // Another application's database: refused, its bytes unchanged, not switched to WAL.
        let foreign = dir + "/other.db"
        try Coso.shell("sqlite3", [foreign, "create table notes(x); insert into notes values ('a');"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let refused = try Coso.run(["--db", foreign, "-c", "orgs | count"])
        #expect(refused.status == 66 && refused.stderr.contains("không phải sổ của coso"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == bytes)
        #expect(try Coso.shell("sqlite3", [foreign, "pragma journal_mode"]).stdout == "delete\n")
        // Not a database at all, a directory, an empty file.
        try Data((0..<4_096).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: dir + "/junk.db"))
        #expect(try Coso.run(["--db", dir + "/junk.db", "-c", "orgs | count"]).stderr.contains("không phải tệp cơ sở dữ liệu SQLite"))
        #expect(try Coso.run(["--db", dir + "/junk.db", "-c", "orgs | count"]).status == 66)
        #expect(try Coso.run(["--db", dir, "-c", "orgs | count"]).status == 66)
        #expect(FileManager.default.createFile(atPath: dir + "/empty.db", contents: Data()))
        #expect(try Coso.run(["--db", dir + "/empty.db", "-c", "orgs | count"]).status == 66)
        // Made only by a command that makes registers; never over an existing file.
        #expect(try Coso.run(["init", dir + "/new.db"]).status == 0)
        #expect(try Coso.run(["--db", dir + "/new.db", "-c", "orgs | count"]).stdout == "0\n")
        #expect(try Coso.run(["init", dir + "/new.db"]).status == 73)
    }

    @Test func aReadOnlyRegisterADamagedOneAndAFullDisk() throws {
        let dir = try Coso.scratchDirectory()
        let db = dir + "/demo.db"
        try Coso.shell("sqlite3", [Coso.sharedDemo, ".backup '\(db)'"])
        // Read-only for the user running coso (as another user when the tests run as root).
        chmod(dir, 0o755); chmod(db, 0o644)
        let asOther = getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        if getuid() != 0 { chmod(db, 0o444) }
        let readOnly = Coso.spawn(asOther + [Coso.binary, "--db", db, "-c", "orgs | count"], stdin: nil,
                                  environment: ProcessInfo.processInfo.environment)
        #expect(readOnly.status == 77, "\(readOnly.stderr)")
        #expect(readOnly.stderr.contains("chỉ cho đọc"))
        chmod(db, 0o644)
        // The disk full (a file-size limit): the write fails whole, with its own message.
        let before = try Self.audit(db)
        let full = Coso.spawn(["bash", "-c", "trap '' XFSZ; ulimit -f 40; exec \"$0\" \"$@\"", Coso.binary, "--db", db, "-c",
                               #"orgs | where kind == village_cell | update unit_code: "x" reason: "thử""#],
                              stdin: nil, environment: ProcessInfo.processInfo.environment)
        #expect(full.status == 74 && full.stderr.contains("E0609"), "\(full.status) \(full.stderr.prefix(400))")
        #expect(try Self.audit(db) == before)
        #expect(try Coso.shell("sqlite3", [db, "pragma integrity_check"]).stdout == "ok\n")
        // Damaged pages: said as such, with the advice to restore a backup.
        try Coso.damage(db)
        let damaged = try Coso.run(["--db", db, "-c", #"members | where name =~ "an" | summarize n: count() by org | count"#])
        #expect(damaged.status == 74 && damaged.stderr.contains("E0608") && damaged.stderr.contains("coso restore"), "\(damaged.stderr)")
    }

    /// Files given to `coso import` that are not what they should be: refused whole with their
    /// place, nothing written; what is right goes in.
    @Test func filesThatAreNotTheCSVTheyShouldBe() throws {
        let dir = try Coso.scratchDirectory()
        let db = try Coso.demoCopy()
        let header = ImportTests.header
        func row(_ i: Int, name: String = "Lê Văn Nhập", ending: String = "\r\n") -> String {
            "\(name),Nam,12/03/1985,Kinh,0680960\(String(format: "%05d", i)),Chi bộ thôn Đăng Cao,2010-05-19,2011-05-19,sơ cấp" + ending
        }
        func importing(_ name: String, _ bytes: [UInt8], dryRun: Bool = false) throws -> Coso.Result {
            let path = dir + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try Coso.run(["import", "members", path, "--db", db] + (dryRun ? ["--dry-run"] : []))
        }
        let before = try Self.audit(db)
        let refused: [(String, [UInt8], String)] = [
            ("empty.csv", [], "E0402"),
            ("binary.csv", [0x50, 0x4B, 0x03, 0x04] + (0..<2_000).map { UInt8(($0 * 7 + 3) % 256) }, "E0406"),
            ("newline-in-name.csv", Array((header + "\r\n\"Lê\nVăn\"" + row(1).drop { $0 != "," }).utf8), "E0511"),
            ("nul.csv", Array((header + "\r\n" + row(2, name: "Lê\u{0}Văn")).utf8), "E0511"),
            ("escape.csv", Array((header + "\r\n" + row(3, name: "Lê\u{1B}[2JVăn")).utf8), "E0511"),
            ("tcvn3-header.csv", [0x48, 0xD2, 0x20, 0x76, 0xB5, 0x20, 0x74, 0xAA, 0x6E] + Array(",x\r\n".utf8), "E0406"),
            ("one-bad-row.csv", Array((header + "\r\n" + (0..<10_000).map { row($0 + 10, name: $0 == 7_777 ? "Lê Văn 7777" : "Lê Văn Nhập") }.joined()).utf8), "7779: lỗi[E0508]"),
            ("duplicate-ids.csv", Array((header + "\r\n" + row(20) + row(20)).utf8), "E0414"),
        ]
        for (name, bytes, expected) in refused {
            let r = try importing(name, bytes)
            #expect(r.status == 65, "\(name): \(r.status) \(r.stderr.prefix(300))")
            #expect(r.stderr.contains(expected), "\(name): \(r.stderr.prefix(400))")
            #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("lỗi nội bộ"), "\(name)")
        }
        #expect(try Coso.run(["import", "members", dir, "--db", db]).stderr.contains("thư mục"))
        #expect(try Self.audit(db) == before)
        // Mixed line endings, a BOM and a header alone are fine.
        let mixed = try importing("mixed.csv", [0xEF, 0xBB, 0xBF] + Array((header + "\n" + row(30, ending: "\r\n") + row(31, ending: "\n") + row(32, ending: "\r")).utf8), dryRun: true)
        #expect(mixed.status == 0 && mixed.stdout.contains("3 dòng"), "\(mixed.stdout) \(mixed.stderr)")
        #expect(try importing("header.csv", Array((header + "\r\n").utf8)).status == 0)
    }
}

