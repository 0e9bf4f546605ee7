import CosoCore
import CosoScript
import Foundation

/// A database file in a fresh temporary directory, removed with its directory by `remove()` (or
/// with every other when the test process exits: see `Scratch`).
public struct TemporaryDatabase: Sendable {
    public let directory: String
    public var path: String { directory + "/test.db" }

    public init() throws {
        directory = try Scratch.directory("db")
    }

    public func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// A session on this database with the given modules.
    public func session(_ modules: [any CosoModule], today: LocalDate = LocalDate(year: 2026, month: 1, day: 15)!) throws -> Session {
        let store = try Store(path: path, registry: try Registry(modules))
        return Session(store: store, user: "test", language: .vi, today: today, origin: "test")
    }
}

/// Collects results as plain text, as `coso -c` prints them in csv-like lines: one line per row
/// (cells joined by " | "), scalars and messages on their own line.
public final class TextSink: ResultSink {
    public private(set) var lines: [String] = []
    public private(set) var columns: [String] = []
    public private(set) var rows: [[Value]] = []
    public private(set) var scalars: [Value] = []
    public init() {}
    public func begin(columns: [ResultColumn]) throws { self.columns = columns.map(\.name) }
    public func row(_ values: [Value]) throws {
        rows.append(values)
        lines.append(values.map(\.description).joined(separator: " | "))
    }
    public func end() throws {}
    public func scalar(_ value: Value, type: FieldType?) throws {
        scalars.append(value)
        lines.append(value.description)
    }
    public func message(_ text: String) throws { lines.append(text) }
    public var text: String { lines.joined(separator: "\n") }
}

extension Session {
    /// Runs statements and returns their output as text; throws the diagnostic on failure.
    public func output(_ source: String) throws -> String {
        let sink = TextSink()
        try run(source, sink: sink)
        return sink.text
    }

    /// The single value a statement prints (`... | count`).
    public func value(_ source: String) throws -> Value {
        let sink = TextSink()
        try run(source, sink: sink)
        if let last = sink.scalars.last { return last }
        return sink.rows.first?.first ?? .null
    }
}
