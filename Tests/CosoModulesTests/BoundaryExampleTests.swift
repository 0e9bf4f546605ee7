import CosoBuiltins
import CosoCore
import CosoScript
import CosoTesting
import Foundation
import Testing

/// No ordinary input is an internal error: every command's examples, with each number and each
/// date in turn replaced by a value at or past the edge of what it takes (zero, negative, huge;
/// the first day, before the register's years, yesterday, tomorrow, the last day), either succeed
/// or are refused with a diagnostic of their own, never `lỗi nội bộ` (E07xx, exit 70) nor an error
/// that is not a diagnostic.
@Suite struct BoundaryExampleTests {
    static let numbers = ["0", "-1", "1", "1000000000000", "9223372036854775807", "-9223372036854775807"]
    /// The tests' day is 15/1/2026 (`TemporaryDatabase.session`).
    static let dates = ["@0001-01-01", "@1899-12-31", "@1930-01-01", "@2026-01-14", "@2026-01-16", "@9999-12-31"]

    /// Every way to change one number or one date of `source` to a boundary value.
    static func variants(_ source: String) -> [String] {
        var out: [String] = []
        let date = #/@\d{4}-\d{2}-\d{2}/#
        for match in source.matches(of: date) {
            for value in dates { out.append(source.replacingCharacters(in: match.range, with: value)) }
        }
        for range in numberRanges(source) {
            for value in numbers { out.append(source.replacingCharacters(in: range, with: value)) }
        }
        // Digits written as text (a card or national ID number): one fewer, and a letter instead of one.
        for match in source.matches(of: #/"(\d+)"/#) {
            let digits = String(match.output.1)
            for value in [String(digits.dropLast()), "x" + digits.dropFirst(), digits + "0"] {
                out.append(source.replacingCharacters(in: match.range, with: "\"\(value)\""))
            }
        }
        return out
    }

    /// Numbers outside quotes and not part of a date, a word or a code (`X1`, `T10`).
    static func numberRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var i = text.startIndex, quoted = false
        func joins(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || "@_.-/".contains($0) } ?? false }
        while i < text.endIndex {
            let c = text[i]
            if c == "\"" { quoted.toggle() }
            if !quoted, c.isNumber, !joins(i > text.startIndex ? text[text.index(before: i)] : nil) {
                var end = i
                while end < text.endIndex, text[end].isNumber { end = text.index(after: end) }
                if !joins(end < text.endIndex ? text[end] : nil) { ranges.append(i..<end) }
                i = end
                continue
            }
            i = text.index(after: i)
        }
        return ranges
    }

    static func insideQuotes(_ text: String, _ index: String.Index) -> Bool {
        text[..<index].filter { $0 == "\"" }.count % 2 == 1
    }

    static let commands: [Command] = {
        (try? Registry(Builtins.all).catalog.commands.values.sorted { $0.name < $1.name }) ?? []
    }()

    @Test func everyCommandHasExamplesToVary() {
        #expect(Self.commands.count >= 40)
        #expect(Self.commands.allSatisfy { !$0.examples.isEmpty })
    }

    @Test(arguments: commands.map(\.name))
    func boundaryValuesInACommandsExamplesAreNeverAnInternalError(_ name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        var tried = 0
        for example in command.examples {
            let db = try TemporaryDatabase()
            defer { db.remove() }
            let session = try db.session(Builtins.all)
            for step in example.setup { _ = try session.output(step) }
            for variant in Self.variants(example.source) {
                tried += 1
                // Each variant inside a transaction put back afterwards: the next starts from the same rows.
                try session.store.begin()
                defer { try? session.store.rollback() }
                do {
                    _ = try session.output(variant)
                } catch let e as SourceError {
                    #expect(!e.diagnostic.code.hasPrefix("E07"), "\(variant)\n→ \(DiagnosticRenderer.render(e.diagnostic, in: e.source))")
                } catch {
                    Issue.record("\(variant)\n→ not a diagnostic: \(error)")
                }
            }
        }
        #expect(tried > 0 || command.examples.allSatisfy { Self.variants($0.source).isEmpty })
    }
}
