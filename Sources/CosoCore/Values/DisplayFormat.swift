import Foundation

/// Values as staff read them (tables, Markdown, HTML, documents; never CSV or JSON, which keep
/// the stored form): in Vietnamese, dates as dd/mm/yyyy, a decimal comma and thousands
/// separated by dots (`38,9%`, `100.000 đồng`); in English, ISO dates and `38.9`, `100,000`.
/// Times are shown in Viet Nam's time (UTC+7, no daylight saving).
public enum DisplayFormat {
    /// A result's cell as staff read it: an enum case by its label, a boolean as có/không, null
    /// as empty, dates, numbers and instants as below (whole numbers grouped unless `grouping` is
    /// false).
    public static func cell(_ v: Value, _ c: ResultColumn, _ language: Language, grouping: Bool = true,
                            enumLabel: (FieldType, String) -> Label?) -> String {
        if case .enumeration? = c.type, case .text(let id) = v, let label = enumLabel(c.type!, id) { return label.text(language) }
        if c.type == .bool, let i = v.intValue {
            return i != 0 ? (language == .vi ? "có" : "yes") : (language == .vi ? "không" : "no")
        }
        switch v {
        case .date(let d): return date(d, language)
        case .int(let n): return integer(n, language, grouped: grouping && isQuantity(c))
        // A share keeps its one decimal place (61,0 beside 10,4).
        case .double(let x): return c.name == "percent" ? decimal(x, language, places: 1, fixed: true) : decimal(x, language)
        case .text(let t):
            if c.type == .date, let d = LocalDate(iso: t) { return date(d, language) }
            if c.type == .text || c.type == nil, let local = instant(t, language) { return local }
        default: break
        }
        return v.description
    }

    /// Whether a whole number is a quantity, grouped by thousands when long: not an id, a
    /// reference, a year or a code.
    public static func isQuantity(_ c: ResultColumn) -> Bool {
        if case .reference? = c.type { return false }
        let n = c.name
        return !(n == "id" || n.hasSuffix("_id") || n.hasSuffix("year") || n == "y" || n.hasSuffix("code") || n.hasSuffix("_no"))
    }

    public static func date(_ d: LocalDate, _ language: Language) -> String {
        guard language == .vi else { return d.iso }
        return two(d.day) + "/" + two(d.month) + "/" + String(d.year)
    }

    /// A whole number: from five digits on grouped by thousands (`5.444.700`; `1618` and a year
    /// as written), unless `grouped` is false (an id, a code).
    public static func integer(_ n: Int64, _ language: Language, grouped: Bool = true) -> String {
        let digits = String(n.magnitude)
        guard grouped, digits.count > 4 else { return String(n) }
        return (n < 0 ? "-" : "") + group(digits, language == .vi ? "." : ",")
    }

    /// A decimal with at most `places` digits after the separator, trailing zeros dropped unless
    /// `fixed` (a percentage keeps its one place: `53,0`).
    public static func decimal(_ x: Double, _ language: Language, places: Int = 4, fixed: Bool = false) -> String {
        guard x.isFinite else { return String(x) }
        var s = String(format: "%.\(places)f", x)
        if !fixed, s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        let parts = s.split(separator: ".", maxSplits: 1)
        let whole = parts[0].count > 4 ? group(String(parts[0]), language == .vi ? "." : ",") : String(parts[0])
        let sign = negative && s.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + (parts.count > 1 ? (language == .vi ? "," : ".") + parts[1] : "")
    }

    /// `53,0%` / `53.0%`.
    public static func percent(_ x: Double, _ language: Language) -> String { decimal(x, language, places: 1, fixed: true) + "%" }

    /// An instant stored as `2026-12-05T20:33:17.891Z` in Viet Nam's time: `06/12/2026 03:33:17`
    /// (English: `2026-12-06 03:33:17 +07`). Nil when the text is not such an instant.
    public static func instant(_ text: String, _ language: Language) -> String? {
        // Most text is no instant: told without copying it (every cell of a table asks).
        let utf8 = text.utf8
        guard (20...30).contains(utf8.count), utf8.last == 90 else { return nil }
        let b = Array(utf8)
        guard b.count >= 20, b.count <= 30, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b.last == 90 else { return nil }
        func n(_ r: Range<Int>) -> Int? { Int(String(decoding: b[r], as: UTF8.self)) }
        guard let y = n(0..<4), let mo = n(5..<7), let d = n(8..<10), let h = n(11..<13), let mi = n(14..<16), let s = n(17..<19),
              let day = LocalDate(year: y, month: mo, day: d), h < 24, mi < 60, s < 61 else { return nil }
        // Viet Nam has kept UTC+7 all year since 1975.
        let hour = h + 7
        let local = hour >= 24 ? day.adding(days: 1) : day
        let time = two(hour % 24) + ":" + two(mi) + ":" + two(s)
        return language == .vi ? date(local, .vi) + " " + time : local.iso + " " + time + " +07"
    }

    /// An amount of money in đồng: `100.000 đồng`.
    public static func money(_ n: Int64, _ language: Language) -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + group(digits, language == .vi ? "." : ",") + (language == .vi ? " đồng" : " VND")
    }

    private static func group(_ digits: String, _ separator: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension LocalDate {
    /// The day as Vietnamese text writes it: `22/12/2022`.
    public var dmy: String { DisplayFormat.date(self, .vi) }
}
