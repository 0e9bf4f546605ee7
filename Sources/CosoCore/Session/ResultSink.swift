/// A column of a result: its name, its header in each language, and its type (for rendering
/// enum labels and booleans).
public struct ResultColumn: Sendable, Hashable {
    public let name: String
    public let label: Label
    public let type: FieldType?
    public init(name: String, label: Label, type: FieldType?) { self.name = name; self.label = label; self.type = type }
}

/// Where results go: renderers for the REPL and `coso -c`, collectors in tests. Rows stream one
/// at a time; a sink that needs them all (an aligned table) keeps them itself.
public protocol ResultSink: AnyObject {
    func begin(columns: [ResultColumn]) throws
    func row(_ values: [Value]) throws
    func end() throws
    /// A single value (`count`, a bare expression).
    func scalar(_ value: Value, type: FieldType?) throws
    /// A command's report ("Đã kết nạp ...").
    func message(_ text: String) throws
}

/// Lets modules run pipelines without seeing the parser (indicators, reports).
public protocol PipelineRunner: AnyObject {
    func rows(of pipeline: String) throws -> [[Value]]
}
