import CosoCore

/// `.help targets` and `.help stats`: what can be measured, from the catalogue.
enum ReportHelp {
    static func targets(_ catalog: Catalog, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? """
            Chỉ tiêu của kế hoạch, tính trực tiếp từ dữ liệu:
              targets                          mỗi chỉ tiêu ở năm gần nhất có số liệu của nó
              targets 2022                     cuối năm 2022;  targets asof @2022-06-30   đến một ngày
              targets for "Đảng bộ xã Gia Hiệp"  một tổ chức và các tổ chức trực thuộc
              target T10 | detail              các tổ chức có kết quả thấp nhất (còn thiếu nhiều nhất trước)
              target add X1 title: "..." counted: "orgs | where ..." of: "orgs | where ..." goal: at_least value: 50 by: "parent"
            Đánh giá: đạt, chưa đạt, chưa có dữ liệu (sổ chưa có dữ liệu để tính chỉ tiêu này, hoặc năm chưa có số liệu).
            Các cột ẩn (chọn bằng select): numerator, denominator, value, previous, wording, measured_on, source.

            """ : """
            The plan's targets, computed from the data:
              targets                          each target at the latest year that has its records
              targets 2022                     at the end of 2022;  targets asof @2022-06-30   at a date
              targets for "Đảng bộ xã Gia Hiệp"  an organisation and everything under it
              target T10 | detail              the organisations pulling it down, the furthest first
              target add X1 title: "..." counted: "orgs | where ..." of: "orgs | where ..." goal: at_least value: 50 by: "parent"
            Status: met, not met, no data (the register does not record what it needs, or the year has no figures).
            Hidden columns (pick them with select): numerator, denominator, value, previous, wording, measured_on, source.

            """
        for t in catalog.targets {
            out += "  \(t.code.padding(toLength: 5, withPad: " ", startingAt: 0)) \(t.title.text(language)) (\(t.goalText.text(language)), \(t.deadline.text(language)))\n"
            out += "        " + (t.counted.map { (vi ? "đếm: " : "counts: ") + $0 } ?? (vi ? "sổ chưa ghi điều chỉ tiêu này cần" : "the register does not record this")) + "\n"
            if let base = t.base { out += "        " + (vi ? "trên: " : "out of: ") + base + "\n" }
        }
        return out
    }

    static func statistics(_ catalog: Catalog, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? """
            Bảng thống kê (theo mẫu biểu): stats TÊN [NĂM] [asof NGÀY] [for "TỔ CHỨC"]; stats liệt kê các bảng.
              stats theory 2022 | save "ly-luan-2022.csv"      (.mode markdown để in bảng Markdown)
            Báo cáo năm thành một tệp HTML có biểu đồ, in được khổ A4:
              coso report annual 2022 --html bao-cao-2022.html      (report targets: chỉ các chỉ tiêu; --markdown TỆP)

            """ : """
            Statistics tables (after the forms): stats NAME [YEAR] [asof DATE] [for "ORG"]; stats lists them.
              stats theory 2022 | save "theory-2022.csv"      (.mode markdown prints Markdown tables)
            The annual report as one HTML file with charts, printable on A4:
              coso report annual 2022 --html report-2022.html      (report targets: targets only; --markdown FILE)

            """
        for s in catalog.statistics {
            out += "  \(s.code.padding(toLength: 14, withPad: " ", startingAt: 0)) \(s.title.text(language))\(s.yearly ? (vi ? " (trong năm)" : " (in the year)") : "")\n"
        }
        return out
    }
}
