import CosoCore

/// The same report as Markdown: each table as a pipe table, each chart as its figures.
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        var md = "# \(report.title)\n\n\(report.subtitle)\n"
        for section in report.sections where !section.blocks.isEmpty {
            md += "\n## \(section.title)\n\n"
            if let note = section.note { md += "_\(cell(note))_\n\n" }
            for block in section.blocks {
                switch block {
                case .table(let t):
                    md += row(t.headers) + row(t.headers.indices.map { t.numeric.contains($0) ? "---:" : "---" })
                    for r in t.rows { md += row(r) }
                    md += "\n"
                case .bars(let chart):
                    let scale = chart.percent ? 100 : max(chart.bars.map(\.value).max() ?? 1, 1)
                    md += "### \(chart.title)\n\n" + row(["", report.language == .vi ? "Giá trị" : "Value", ""]) + "|---|---:|---|\n"
                    for bar in chart.bars {
                        md += row([bar.label, bar.text, String(repeating: "█", count: max(0, Int((bar.value / scale * 20).rounded())))])
                    }
                    md += "\n"
                case .trend(let chart):
                    md += "### \(chart.title)\n\n" + row(chart.years.map(String.init)) + row(chart.years.map { _ in "---:" })
                    for s in chart.series { md += row(s.values.map { $0.map { DisplayFormat.decimal(($0 * 10).rounded() / 10, report.language, places: 1) } ?? "" }) }
                    md += "\n"
                }
            }
        }
        return md
    }

    static func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |\n" }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
