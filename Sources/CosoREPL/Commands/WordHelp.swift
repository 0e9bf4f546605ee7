import CosoCore
import CosoScript

/// `.help WORD` for the words of the language itself: every stage, function and statement, each
/// with examples the tests run on a small register, so that help cannot drift from the language.
public enum WordHelp {
    public struct Entry: Sendable {
        public let word: String
        public let vi: String
        public let en: String
        /// Statements that run on any register with a few organisations and members.
        public let examples: [String]
    }

    public static let entries: [Entry] = [
        Entry(word: "where", vi: "giữ các dòng thỏa điều kiện (and, or, not, ==, !=, <, <=, >, >=, =~, in [...], == null)",
              en: "keeps the rows that meet a condition (and, or, not, ==, !=, <, <=, >, >=, =~, in [...], == null)",
              examples: [#"members | where gender == female and born < @1980-01-01 | count"#, #"orgs | where name =~ "gia hiep""#]),
        Entry(word: "select", vi: "chọn, đặt tên và tính các cột (tên: biểu thức; đường dẫn org.parent.name; count(BẢNG))",
              en: "picks, names and computes columns (name: expression; paths such as org.parent.name; count(ENTITY))",
              examples: ["members | select name, org.name, tuoi: age(born)", "orgs | select name, n: count(members)"]),
        Entry(word: "sort", vi: "sắp xếp theo các khóa (-khóa: giảm dần; giá trị rỗng luôn ở cuối; chữ theo thứ tự tiếng Việt)",
              en: "orders by keys (-key: descending; nulls always last; text in Vietnamese order)",
              examples: ["members | sort -born, name | select name, born"]),
        Entry(word: "take", vi: "lấy N dòng đầu; không có sort trước thì theo thứ tự tự nhiên (mã): cùng kết quả ở mọi lần chạy",
              en: "keeps the first N rows; without a sort before it, in the natural order (by id): the same rows on every run",
              examples: ["members | take 5 | select id, name", "members | sort born | take 3 | select name, born"]),
        Entry(word: "skip", vi: "bỏ N dòng đầu (theo thứ tự như take)", en: "leaves out the first N rows (in the order take uses)",
              examples: ["members | sort name | skip 1 | take 2 | select name"]),
        Entry(word: "first", vi: "dòng đầu tiên (như take 1)", en: "the first row (as take 1)", examples: ["members | sort -born | first | select name"]),
        Entry(word: "distinct", vi: "bỏ các dòng trùng nhau", en: "drops repeated rows", examples: ["members | select gender | distinct"]),
        Entry(word: "count", vi: "đếm số dòng (bước cuối); trong summarize: count() đếm dòng mỗi nhóm",
              en: "counts the rows (the last stage); inside summarize: count() counts each group's rows",
              examples: ["members | count", "orgs | where kind == village_cell | count"]),
        Entry(word: "summarize", vi: "gộp theo nhóm: summarize tên: count() | sum(x) | avg(x) | min(x) | max(x) | count_distinct(x) by KHÓA, ...",
              en: "groups: summarize name: count() | sum(x) | avg(x) | min(x) | max(x) | count_distinct(x) by KEY, ...",
              examples: ["members | summarize n: count(), tuoi_tb: avg(age(born)) by gender", "members | summarize n: count() by org.name | sort -n"]),
        Entry(word: "save", vi: #"ghi kết quả ra tệp theo đuôi tên: save "tep.csv" (.json, .md, .txt); bước cuối"#,
              en: #"writes the rows to a file in the format of its extension: save "file.csv" (.json, .md, .txt); the last stage"#,
              examples: []),
        Entry(word: "asof", vi: "đọc bảng như tại một ngày: members asof @2023-12-31 (tình trạng, chi bộ theo quá trình sinh hoạt)",
              en: "reads an entity as it stood on a date: members asof @2023-12-31 (status and cell from each member's history)",
              examples: ["members asof @2024-12-31 | summarize n: count() by status", "orgs asof @2024-01-01 | count"]),
        Entry(word: "let", vi: "đặt tên cho một giá trị ($tên) hoặc một truy vấn (dùng như một bảng)",
              en: "names a value ($name) or a query (used as a source)",
              examples: ["let n = members | count", "let nu = members | where gender == female"]),
        Entry(word: "def", vi: "định nghĩa truy vấn có tham số: def ten(x) = BẢNG | where ... $x ...",
              en: "defines a query with parameters: def name(x) = ENTITY | where ... $x ...",
              examples: ["def sinh_truoc(d) = members | where born < $d"]),
        Entry(word: "for", vi: "lặp các câu lệnh qua một danh sách: for y in [2022, 2023] { ... $y ... }",
              en: "repeats statements over a list: for y in [2022, 2023] { ... $y ... }",
              examples: ["for g in [male, female] { members | where gender == $g | count }"]),
        Entry(word: "if", vi: "chạy câu lệnh theo điều kiện: if $n > 0 { ... } else { ... }", en: "runs statements on a condition: if $n > 0 { ... } else { ... }",
              examples: ["if 1 > 0 { orgs | count } else { members | count }"]),
        Entry(word: "use", vi: #"chạy các câu lệnh của một tệp khác (def, let dùng chung): use "thu-vien.coso""#,
              en: #"runs another file's statements (shared def and let): use "library.coso""#, examples: []),
        Entry(word: "today", vi: "ngày hôm nay ở Việt Nam: today(); today() - 30 là 30 ngày trước", en: "today in Viet Nam: today(); today() - 30 is 30 days ago",
              examples: ["members | where admitted > today() - 365 | count"]),
        Entry(word: "year", vi: "năm của một ngày: year(admitted)", en: "the year of a date: year(admitted)",
              examples: ["members | summarize n: count() by y: year(admitted) | sort y"]),
        Entry(word: "age", vi: "số tuổi tròn đến hôm nay: age(born)", en: "whole years until today: age(born)",
              examples: ["members | where age(born) >= 60 | count"]),
        Entry(word: "starts_with", vi: "bắt đầu bằng (không phân biệt hoa thường, dấu): starts_with(name, \"ng\")",
              en: "begins with (ignoring case and diacritics): starts_with(name, \"ng\")",
              examples: [#"members | where starts_with(name, "dang") | count"#]),
        Entry(word: "update", vi: "sửa dữ liệu nhập sai (xem .help update)", en: "corrects what was entered wrong (see .help update)", examples: []),
        Entry(word: "void", vi: "hủy dòng ghi nhầm (xem .help void)", en: "removes rows entered by mistake (see .help void)", examples: []),
    ]

    /// Every word with its entry (functions inside summarize share one).
    static func entry(_ word: String) -> Entry? {
        if let e = entries.first(where: { $0.word == word }) { return e }
        if ["sum", "avg", "min", "max", "count_distinct"].contains(word) { return entries.first { $0.word == "summarize" } }
        return nil
    }

    public static func text(_ word: String, _ language: Language) -> String? {
        guard word != "update", word != "void", let e = entry(word) else { return nil }
        let vi = language == .vi
        var out = "\(e.word): \(vi ? e.vi : e.en)\n"
        if !e.examples.isEmpty {
            out += vi ? "Ví dụ:\n" : "Examples:\n"
            out += e.examples.map { "  \($0)\n" }.joined()
        }
        return out
    }
}
