import CosoCore

/// Modules run queries through the session without seeing the parser (indicators, reports).
extension Session: PipelineRunner {
    public func rows(of pipeline: String) throws -> [[Value]] {
        let collector = RowCollector()
        try run(SourceFile(name: "<module>", text: pipeline), sink: collector)
        return collector.rows
    }
}

/// Keeps rows (and single values as one-cell rows) in memory: for modules' small results only.
final class RowCollector: ResultSink {
    private(set) var rows: [[Value]] = []
    func begin(columns: [ResultColumn]) throws {}
    func row(_ values: [Value]) throws { rows.append(values) }
    func end() throws {}
    func scalar(_ value: Value, type: FieldType?) throws { rows.append([value]) }
    func message(_ text: String) throws { rows.append([.text(text)]) }
}
