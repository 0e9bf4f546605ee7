import CosoCore

/// A printed document of the office (a member's record, a transfer letter, a list, a ledger): one
/// self-contained HTML page for A4 in the style of the Party's administrative documents (the
/// issuing body and the Party's name side by side, the title in capitals, a serif face that
/// carries Vietnamese), no script, nothing fetched.
struct DocumentPage {
    /// The issuing organisation (top left), and the place and date line (top right).
    var issuer: String
    var issuerParent: String?
    var number: String?
    var place: String
    var date: LocalDate
    var title: String
    var subtitle: String?
    var body: String
    var language: Language

    func render() -> String {
        let vi = language == .vi
        let dateLine = vi ? "\(place), ngày \(two(date.day)) tháng \(two(date.month)) năm \(date.year)"
                          : "\(place), \(DisplayFormat.date(date, .en))"
        return """
            <!DOCTYPE html>
            <html lang="\(vi ? "vi" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="coso">
            <title>\(HTML.escape(title))</title>
            <style>\(DocumentPage.style)</style>
            </head>
            <body>
            <table class="heading"><tr>
            <td class="issuer">\(issuerParent.map { "<div>\(HTML.escape($0.uppercased()))</div>" } ?? "")<div class="strong">\(HTML.escape(issuer.uppercased()))</div><div>*</div>\(number.map { "<div>\(HTML.escape($0))</div>" } ?? "")</td>
            <td class="party"><div class="strong underline">\(vi ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "COMMUNIST PARTY OF VIET NAM")</div><div class="date">\(HTML.escape(dateLine))</div></td>
            </tr></table>
            <h1>\(HTML.escape(title))</h1>
            \(subtitle.map { "<p class=\"subtitle\">\(HTML.escape($0))</p>" } ?? "")
            \(body)
            <footer>\(vi ? "Số liệu lấy từ sổ đảng viên (coso), in ngày" : "From the register (coso), printed on") \(DisplayFormat.date(date, language)).</footer>
            </body>
            </html>

            """
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// A numbered field of a form: `01. Họ và tên: Nguyễn Văn An`.
    static func fields(_ items: [(String, String)]) -> String {
        "<table class=\"fields\">" + items.map { label, value in
            "<tr><th>\(HTML.escape(label))</th><td>\(value.isEmpty ? "<span class=\"blank\">&nbsp;</span>" : HTML.escape(value))</td></tr>"
        }.joined() + "</table>\n"
    }

    /// A table with a header row; `numeric` columns align right.
    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(HTML.escape(empty))</p>\n" }
        var out = "<table class=\"grid\"><thead><tr>"
        for (i, h) in headers.enumerated() { out += "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>" + row.enumerated().map { i, cell in "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(cell))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    static let style = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        * { box-sizing: border-box; }
        body { font-family: "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; font-size: 13pt;
               line-height: 1.4; color: #000; margin: 0 auto; max-width: 165mm; }
        table.heading { width: 100%; border-collapse: collapse; margin-bottom: 8mm; }
        table.heading td { vertical-align: top; text-align: center; width: 50%; font-size: 12.5pt; }
        .strong { font-weight: bold; }
        .underline { text-decoration: underline; }
        .date { font-style: italic; margin-top: 3mm; }
        h1 { text-align: center; font-size: 15pt; margin: 4mm 0 1mm; text-transform: uppercase; }
        .subtitle { text-align: center; font-style: italic; margin: 0 0 6mm; }
        h2 { font-size: 13pt; margin: 6mm 0 2mm; text-transform: uppercase; }
        p { margin: 2mm 0; text-align: justify; }
        table.fields { border-collapse: collapse; width: 100%; }
        table.fields th { text-align: left; font-weight: normal; width: 42%; padding: 0.8mm 2mm 0.8mm 0; vertical-align: top; }
        table.fields td { padding: 0.8mm 0; font-weight: bold; }
        .blank { display: inline-block; min-width: 60mm; border-bottom: 1px dotted #000; }
        table.grid { border-collapse: collapse; width: 100%; font-size: 11.5pt; margin: 1mm 0 3mm; }
        table.grid th, table.grid td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
        table.grid th { text-align: center; }
        table.grid td.num, table.grid th.num { text-align: right; }
        table.grid tr { break-inside: avoid; page-break-inside: avoid; }
        .empty { font-style: italic; }
        .signatures { display: grid; grid-template-columns: 1fr 1fr; margin-top: 10mm; text-align: center; }
        .signatures .role { font-weight: bold; text-transform: uppercase; }
        .signatures .sign { height: 25mm; }
        footer { margin-top: 10mm; font-size: 9pt; color: #444; border-top: 1px solid #999; padding-top: 1.5mm; }
        """
}
