import Foundation
import Testing

/// Vietnamese mode speaks Vietnamese: every command's `--help`, every `.help` topic, the output of
/// every example in Examples/ and a usage error hold no English prose. A word counts as English
/// when it is one of the common English words below and not something staff type (a command, a
/// field, a keyword, an enum case: those are taken from coso's own help).
@Suite struct LanguageTests {
    /// Common English words that are not Vietnamese syllables.
    static let english: Set<String> = [
        "the", "and", "with", "from", "this", "that", "which", "into", "only", "every", "each", "their", "they", "there", "been",
        "have", "has", "was", "were", "are", "is", "will", "would", "should", "must", "cannot", "than", "also", "after", "before",
        "until", "while", "because", "about", "other", "others", "some", "more", "most", "such", "these", "those", "its", "it",
        "of", "write", "writes", "written", "read", "reads", "show", "shows", "shown", "file", "files", "number", "numbers",
        "value", "values", "error", "errors", "list", "lists", "row", "rows", "column", "columns", "page", "missing", "unknown",
        "invalid", "expected", "found", "given", "needs", "need", "using", "used", "see", "default", "example", "examples",
        "usage", "option", "options", "command", "commands", "statement", "statements", "query", "field", "fields", "yes",
        "what", "who", "how", "why", "three", "none", "all", "any", "your", "you", "our", "we", "here",
        "make", "makes", "made", "takes", "gives", "give", "under", "over", "without", "within", "between", "same", "new",
        "old", "first", "last", "next", "back", "out", "up", "down", "off", "when", "where", "then", "else", "for", "by", "or",
        "not", "unexpected", "argument", "arguments",
    ]

    /// Words staff type: commands, entities, fields, enum cases, keywords and functions of the
    /// language, options; and codes.
    static let typed: Set<String> = {
        var words: Set<String> = ["where", "select", "sort", "take", "skip", "first", "distinct", "count", "summarize", "by", "save",
                                  "let", "def", "use", "for", "in", "if", "then", "else", "begin", "commit", "rollback", "and", "or",
                                  "not", "true", "false", "null", "asof", "detail", "targets", "target", "stats", "update", "void",
                                  "reason", "on", "to", "at", "no", "do", "first", "last", "all", "any", "new", "old", "show", "list",
                                  "run", "help", "schema", "mode", "timer", "dryrun", "pager", "read", "once", "backup", "sql", "lang",
                                  "quit", "language", "errors", "table", "csv", "json", "markdown", "line", "txt", "md", "xlsx",
                                  "value", "file", "default", "example", "out", "up", "back", "over", "under", "an", "can", "may"]
        let index = (try? Coso.run(["--db", Coso.sharedDemo, "-c", ".help"]).stdout) ?? ""
        let schema = (try? Coso.run(["--db", Coso.sharedDemo, "-c", ".schema"]).stdout) ?? ""
        // The enums' cases, from their own topics (`.help religion`: "none  không").
        let enums = Set(schema.components(separatedBy: ".help ").dropFirst().compactMap { $0.split(whereSeparator: { !$0.isLetter && $0 != "_" }).first.map(String.init) })
        let cases = (try? Coso.run(["--db", Coso.sharedDemo], stdin: enums.map { ".help \($0)" }.joined(separator: "\n") + "\n").stdout) ?? ""
        for text in [index, schema, cases] {
            for line in text.split(separator: "\n") {
                // The first words of an index or schema line: a name, a command, a field.
                let head = line.trimmingCharacters(in: .whitespaces).split(separator: " ").prefix(2)
                for w in head { for part in w.split(whereSeparator: { !$0.isLetter && $0 != "_" }) { words.insert(String(part)) } }
            }
        }
        return words
    }()

    /// The English words in `text`, with the line they are on. Left alone as what staff type or
    /// read as names: text in quotes or backticks; a word after `-`, `$`, `.`, `<`, `@` or `_`, or
    /// before `_`, `:` or `(`; a word in capitals (a placeholder: TỆP, LÝ DO); one letter.
    static func englishIn(_ text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            var current = "", quoted = false, skipWord = false
            var previous: Character = " "
            for c in line + " " {
                if c.isLetter {
                    if current.isEmpty { skipWord = quoted || "-$.<@_".contains(previous) }
                    current.append(c)
                } else {
                    if !current.isEmpty, !skipWord, !"_:(".contains(c), current.count > 1, current.allSatisfy(\.isASCII),
                       current != current.uppercased(), english.contains(current.lowercased()), !typed.contains(current) {
                        found.append("\(current): \(line)")
                    }
                    current = ""
                    if c == "\"" || c == "`" { quoted.toggle() }
                }
                previous = c
            }
        }
        return found
    }

    @Test func theCheckerFindsEnglish() {
        #expect(!Self.englishIn("Write the rows to a file").isEmpty)
        #expect(Self.englishIn("Ghi kết quả ra tệp: save \"file.csv\", --format csv").isEmpty)
    }

    @Test func everyCommandsHelpIsVietnamese() throws {
        var pending: [[String]] = [[]], seen = 0
        var problems: [String] = []
        while let path = pending.popLast() {
            let r = try Coso.run(path + ["--help"])
            #expect(r.status == 0, "\(path)")
            seen += 1
            problems += Self.englishIn(r.stdout).map { "coso \(path.joined(separator: " ")) --help: \($0)" }
            // Its subcommands, from the list under "LỆNH CON:".
            if let list = r.stdout.components(separatedBy: "LỆNH CON:").dropFirst().first {
                for line in list.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    // "  name    description": a subcommand (not the closing "Xem ..." line).
                    if let name = line.split(separator: " ").first, name.allSatisfy({ $0.isLowercase && $0.isASCII }), path.count < 3 {
                        pending.append(path + [String(name)])
                    }
                }
            }
        }
        #expect(seen >= 20)
        let usage = try Coso.run(["report"])
        #expect(usage.status == 64)
        problems += Self.englishIn(usage.stderr).map { "usage error: \($0)" }
        let extra = try Coso.run(["report", "annual", "2022", "thừa", "nữa"])
        #expect(extra.status == 64)
        problems += Self.englishIn(extra.stderr).map { "usage error: \($0)" }
        // English stays available.
        #expect(try Coso.run(["--lang", "en", "report", "--help"]).stdout.contains("Write a report"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyHelpTopicIsVietnamese() throws {
        let index = try Coso.run(["--db", Coso.sharedDemo, "-c", ".help"]).stdout
        var topics = ["language", "update", "targets", "stats", "errors"]
        for line in index.split(separator: "\n") where line.hasPrefix("  ") {
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            // A two-word command ("org add") or an entity.
            if words.count >= 2, words[1].allSatisfy({ $0.isLowercase && $0.isASCII }) { topics.append("\(words[0]) \(words[1])") }
            if let first = words.first { topics.append(String(first)) }
        }
        let errors = try Coso.run(["--db", Coso.sharedDemo, "-c", ".help errors"]).stdout
        for code in errors.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where code.count == 5 && code.hasPrefix("E") && code.dropFirst().allSatisfy(\.isNumber) {
            topics.append(String(code))
        }
        #expect(topics.count > 100)
        let script = topics.map { ".help \($0)" }.joined(separator: "\n") + "\n"
        let r = try Coso.run(["--db", Coso.sharedDemo], stdin: script)
        #expect(r.status == 0, "\(r.stderr)")
        let problems = Self.englishIn(r.stdout)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyExamplesOutputIsVietnamese() throws {
        let dir = Coso.root + "/Examples"
        let scripts = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".coso") }.sorted()
        #expect(scripts.count >= 5)
        var problems: [String] = []
        for name in scripts {
            let r = try Coso.run(["run", dir + "/" + name, "--db", Coso.sharedDemo])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            problems += Self.englishIn(r.stdout).map { "\(name): \($0)" }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
