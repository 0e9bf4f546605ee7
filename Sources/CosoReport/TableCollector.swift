import CosoCore

/// Collects a query's rows as the text staff read (enum cases by their label, booleans as
/// có/không), keeping the raw values beside them for charts.
final class TableCollector: ResultSink {
    private(set) var columns: [ResultColumn] = []
    private(set) var raw: [[Value]] = []
    private(set) var text: [[String]] = []
    let catalog: Catalog
    let language: Language

    init(catalog: Catalog, language: Language) { self.catalog = catalog; self.language = language }

    func begin(columns: [ResultColumn]) throws { self.columns = columns }
    func row(_ values: [Value]) throws {
        raw.append(values)
        text.append(zip(values, columns).map { display($0, $1) })
    }
    func end() throws {}
    func scalar(_ value: Value, type: FieldType?) throws { raw.append([value]); text.append([display(value, ResultColumn(name: "", label: Label(vi: "", en: ""), type: type))]) }
    func message(_ text: String) throws {}

    var headers: [String] { columns.map { $0.label.text(language).isEmpty ? $0.name : $0.label.text(language) } }

    func column(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    private func display(_ v: Value, _ c: ResultColumn) -> String {
        DisplayFormat.cell(v, c, language) { t, id in
            guard case .enumeration(let e) = t else { return nil }
            return self.catalog.enumType(e)?.cases.first(where: { $0.id == id })?.label
        }
    }
}
