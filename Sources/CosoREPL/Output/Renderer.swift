import CosoCore
#if canImport(Glibc)
import Glibc
#endif

/// Renders results in one of the output modes. Streaming modes (csv, json, line, markdown) write
/// each row as it arrives; the aligned table keeps rows until the end to size its columns.
public final class Renderer: ResultSink {
    public var mode: OutputMode
    public var language: Language
    public var output: any TextOutput
    /// Terminal width; a table wider than this is shown vertically (line mode).
    public var width: Int?
    /// Excel needs a BOM to read UTF-8 CSV.
    public var bom = false

    private var columns: [ResultColumn] = []
    private var buffered: [[String]] = []
    private var rowCount = 0
    /// Set once the table's layout is fixed: later rows stream with these widths (nil: vertical).
    private var streaming: (widths: [Int]?, started: Bool) = (nil, false)

    /// Rows an aligned table reads before fixing its column widths; the rest stream, so memory
    /// stays bounded whatever the result's size.
    public static let tableSample = 1000

    public init(mode: OutputMode = .table, language: Language = .vi, output: any TextOutput = StandardOutput(), width: Int? = nil) {
        self.mode = mode; self.language = language; self.output = output; self.width = width
    }

    public func begin(columns: [ResultColumn]) throws {
        self.columns = columns
        buffered = []
        rowCount = 0
        streaming = (nil, false)
        let headers = columns.map { header($0) }
        switch mode {
        case .csv:
            if bom { output.write("\u{FEFF}") }
            output.write(headers.map(Renderer.csvField).joined(separator: ",") + "\r\n")
        case .json: output.write("[")
        case .markdown:
            output.write("| " + headers.map(Renderer.markdownCell).joined(separator: " | ") + " |\n")
            // Numbers align right, as in the table mode.
            output.write("|" + columns.map { [.int, .decimal].contains($0.type) ? " ---: |" : " --- |" }.joined() + "\n")
        case .table, .line: break
        }
    }

    public func row(_ values: [Value]) throws {
        rowCount += 1
        switch mode {
        case .table:
            let cells = zip(values, columns).map { display($0, $1) }
            if streaming.started {
                writeTableRow(cells, index: rowCount)
            } else {
                buffered.append(cells)
                if buffered.count >= Renderer.tableSample { startTable() }
            }
        case .csv:
            // Text a spreadsheet would run as a formula gets its apostrophe (numbers stay numbers).
            output.write(values.map { v in
                Renderer.csvField(v.isText ? SpreadsheetText.neutralised(v.description) : v.description)
            }.joined(separator: ",") + "\r\n")
        case .json:
            output.write((rowCount > 1 ? ",\n " : "\n ") + JSON.object(zip(columns, values).map { ($0.name, json($1, $0)) }))
        case .markdown:
            output.write("| " + zip(values, columns).map { Renderer.markdownCell(display($0, $1)) }.joined(separator: " | ") + " |\n")
        case .line:
            writeVertical(zip(values, columns).map { display($0, $1) }, index: rowCount)
        }
    }

    public func end() throws {
        switch mode {
        case .table: writeTable()
        case .json: output.write(rowCount > 0 ? "\n]\n" : "]\n")
        case .line where rowCount == 0: output.write(language == .vi ? "(không có dòng nào)\n" : "(no rows)\n")
        // A blank line ends a Markdown table, so that the next one (or text) is not read into it.
        case .markdown: output.write("\n")
        default: break
        }
    }

    public func scalar(_ value: Value, type: FieldType?) throws {
        switch mode {
        case .json: output.write(JSON.encode(value) + "\n")
        // A lone count stays as digits (a shell script reads it: `n=$(coso -c 'members | count')`).
        default:
            let c = ResultColumn(name: "", label: Label(vi: "", en: ""), type: type)
            output.write(TextSafety.visible(DisplayFormat.cell(value, c, language, grouping: false) { t, id in self.enumLabel?(t, id) }) + "\n")
        }
    }

    public func message(_ text: String) throws {
        output.write(text + "\n")
    }

    // MARK: Cells

    private func header(_ c: ResultColumn) -> String {
        switch mode {
        case .csv, .json: return c.name
        default:
            let t = c.label.text(language)
            return t.isEmpty ? c.name : t
        }
    }

    /// What staff read (`DisplayFormat.cell`), never a control character to the terminal (an
    /// escape sequence is shown, not obeyed).
    private func display(_ v: Value, _ c: ResultColumn) -> String {
        TextSafety.visible(DisplayFormat.cell(v, c, language) { t, id in self.enumLabel?(t, id) })
    }

    private func json(_ v: Value, _ c: ResultColumn) -> Value {
        if c.type == .bool, let i = v.intValue { return .bool(i != 0) }
        return v
    }

    /// Looks up an enum case's label; set by whoever knows the catalogue.
    public var enumLabel: ((FieldType, String) -> Label?)?

    // MARK: Layouts

    private func writeTable() {
        if buffered.isEmpty && !streaming.started {
            output.write(language == .vi ? "(không có dòng nào)\n" : "(no rows)\n")
            return
        }
        if !streaming.started { startTable() }
        if streaming.widths != nil {
            let n = rowCount
            output.write(language == .vi ? "(\(n) dòng)\n" : "(\(n) row\(n == 1 ? "" : "s"))\n")
        }
    }

    /// Fixes the layout from the rows read so far, writes the header and those rows.
    private func startTable() {
        let headers = columns.map { header($0) }
        var widths = headers.map(VietnameseText.displayWidth)
        for r in buffered { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], VietnameseText.displayWidth(cell)) } }
        let total = widths.reduce(0, +) + 3 * max(0, widths.count - 1)
        let vertical = width.map { total > $0 } ?? false && columns.count > 1
        streaming = (vertical ? nil : widths, true)
        if !vertical {
            output.write(tableLine(headers, widths) + "\n")
            output.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─") + "\n")
        }
        for (i, r) in buffered.enumerated() { writeTableRow(r, index: i + 1) }
        buffered = []
    }

    private func writeTableRow(_ cells: [String], index: Int) {
        if let widths = streaming.widths {
            output.write(tableLine(cells, widths) + "\n")
        } else {
            writeVertical(cells, index: index)
        }
    }

    private func tableLine(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { i, pair in
            let (cell, w) = pair
            let pad = String(repeating: " ", count: max(0, w - VietnameseText.displayWidth(cell)))
            // Numbers align right, everything else left; the last column is not padded.
            if isNumeric(i) { return pad + cell }
            return i == cells.count - 1 ? cell : cell + pad
        }.joined(separator: " │ ")
    }

    private func isNumeric(_ i: Int) -> Bool {
        guard i < columns.count else { return false }
        return columns[i].type == .int || columns[i].type == .decimal
    }

    private func writeVertical(_ cells: [String], index: Int) {
        let headers = columns.map { header($0) }
        let w = headers.map(VietnameseText.displayWidth).max() ?? 0
        if index > 1 { output.write("\n") }
        for (h, cell) in zip(headers, cells) {
            output.write(String(repeating: " ", count: w - VietnameseText.displayWidth(h)) + h + " = " + cell + "\n")
        }
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension Renderer {
    /// A renderer that shows enum labels from `catalog`.
    public convenience init(catalog: Catalog, mode: OutputMode = .table, language: Language = .vi,
                            output: any TextOutput = StandardOutput(), width: Int? = nil) {
        self.init(mode: mode, language: language, output: output, width: width)
        enumLabel = { type, id in
            guard case .enumeration(let e) = type else { return nil }
            return catalog.enumType(e)?.cases.first { $0.id == id }?.label
        }
    }
}
