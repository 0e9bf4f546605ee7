/// One self-contained HTML file: styles inline, charts as SVG, no script, no font or image
/// fetched; system fonts that carry Vietnamese (Noto Sans, DejaVu Sans, Arial); laid out for A4.
public enum HTMLReport {
    public static func render(_ report: Report) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(report.language == .vi ? "vi" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="coso">
            <title>\(HTML.escape(report.title)) · \(HTML.escape(report.subtitle))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(HTML.escape(report.title))</h1><p class="subtitle">\(HTML.escape(report.subtitle))</p></header>

            """
        for section in report.sections where !section.blocks.isEmpty {
            html += "<section>\n<h2>\(HTML.escape(section.title))</h2>\n"
            if let note = section.note { html += "<p class=\"note\">\(HTML.escape(note))</p>\n" }
            var trends: [String] = []
            for block in section.blocks {
                switch block {
                case .table(let t): html += table(t)
                case .bars(let chart):
                    html += "<figure><figcaption>\(HTML.escape(chart.title))</figcaption>\(SVGCharts.bars(chart))</figure>\n"
                case .trend(let chart):
                    trends.append("<figure><figcaption>\(HTML.escape(chart.title))</figcaption>\(SVGCharts.trend(chart, language: report.language))</figure>")
                }
            }
            if !trends.isEmpty { html += "<div class=\"grid\">\n" + trends.joined(separator: "\n") + "\n</div>\n" }
            html += "</section>\n"
        }
        html += "<footer>coso · \(HTML.escape(report.subtitle))</footer>\n</body>\n</html>\n"
        return html
    }

    static func table(_ t: Report.Table) -> String {
        var out = "<table>\n<thead><tr>"
        for (i, h) in t.headers.enumerated() { out += "<th\(t.numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                var classes: [String] = []
                if t.numeric.contains(i) { classes.append("num") }
                if t.nowrap.contains(i) { classes.append("nowrap") }
                if i == t.statusColumn, r < t.statuses.count { classes.append("status " + t.statuses[r].replacingOccurrences(of: "_", with: "-")) }
                out += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(HTML.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static let style = """
        @page { size: A4; margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1b1b1b; margin: 0 auto;
               max-width: 186mm; padding: 8mm 0; font-size: 10.5pt; line-height: 1.35; }
        header { border-bottom: 2px solid #b71c1c; margin-bottom: 6mm; }
        h1 { font-size: 18pt; margin: 0 0 2mm; color: #b71c1c; }
        h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #ddd; padding-bottom: 1mm; }
        .subtitle { margin: 0 0 3mm; color: #444; }
        .note { color: #555; font-size: 9pt; margin: 0 0 3mm; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.status { font-weight: 600; white-space: nowrap; }
        td.status.met { color: #1b5e20; background: #e8f5e9; }
        td.status.unmet { color: #b71c1c; background: #ffebee; }
        td.status.no-data { color: #666; background: #f5f5f5; }
        figure { margin: 3mm 0 5mm; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; font-size: 10pt; margin-bottom: 1mm; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; font-size: 11px; fill: #222; }
        svg text.axis { fill: #666; font-size: 10px; }
        svg text.value { font-size: 10px; fill: #333; }
        svg line.grid { stroke: #e0e0e0; stroke-width: 1; }
        svg line.goal { stroke: #c62828; stroke-width: 1; stroke-dasharray: 4 3; }
        svg text.goal { fill: #c62828; font-size: 9px; }
        td.nowrap { white-space: nowrap; }
        section { break-inside: auto; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        footer { margin-top: 8mm; color: #777; font-size: 8.5pt; border-top: 1px solid #ddd; padding-top: 2mm; }
        """
}
