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
        Entry(word: "sort", vi: "sắp xếp theo các khóa (-khóa: giảm dần; giá trị rỗng luôn ở cuối; chữ theo thứ tự tiếng Việt); "
                  + "tên người xếp như danh sách lớp, danh sách đảng viên: theo tên, rồi tên đệm, rồi họ; full(name) xếp theo cả họ tên, họ trước",
              en: "orders by keys (-key: descending; nulls always last; text in Vietnamese order); "
                  + "people's names sort as class and member lists do: given name, then middle names, then family name; full(name) by the whole name, family name first",
              examples: ["members | sort -born, name | select name, born", "members | sort name | take 3 | select name",
                         "members | sort full(name) | take 3 | select name"]),
        Entry(word: "take", vi: "lấy N dòng đầu; không có sort trước thì theo thứ tự tự nhiên (mã): cùng kết quả ở mọi lần chạy",
              en: "keeps the first N rows; without a sort before it, in the natural order (by id): the same rows on every run",
              examples: ["members | take 5 | select id, name", "members | sort born | take 3 | select name, born"]),
        Entry(word: "skip", vi: "bỏ N dòng đầu (theo thứ tự như take)", en: "leaves out the first N rows (in the order take uses)",
              examples: ["members | sort name | skip 1 | take 2 | select name"]),
        Entry(word: "first", vi: "dòng đầu tiên (như take 1)", en: "the first row (as take 1)", examples: ["members | sort -born | first | select name"]),
        Entry(word: "distinct", vi: "bỏ các dòng trùng nhau", en: "drops repeated rows", examples: ["members | select gender | distinct"]),
        Entry(word: "count", vi: "đếm số dòng (bước cuối); trong summarize: count() đếm dòng mỗi nhóm, count(ĐIỀU_KIỆN) đếm dòng thỏa điều kiện, "
                  + "count(x) đếm dòng có x; count(BẢNG) trong select đếm dòng của bảng khác tham chiếu tới dòng này",
              en: "counts the rows (the last stage); inside summarize: count() counts each group's rows, count(CONDITION) the rows that meet it, "
                  + "count(x) the rows with an x; count(ENTITY) in select counts the rows of another entity that refer to this one",
              examples: ["members | count", "orgs | where kind == village_cell | count",
                         "members | summarize n: count(), nu: count(gender == female) by org.name | sort -n | take 3",
                         "orgs | select name, n: count(members) | take 3"]),
        Entry(word: "summarize", vi: "gộp theo nhóm: summarize tên: count() | sum(x) | avg(x) | min(x) | max(x) | count_distinct(x) by KHÓA, ...",
              en: "groups: summarize name: count() | sum(x) | avg(x) | min(x) | max(x) | count_distinct(x) by KEY, ...",
              examples: ["members | summarize n: count(), tuoi_tb: avg(age(born)) by gender", "members | summarize n: count() by org.name | sort -n"]),
        Entry(word: "save", vi: #"ghi kết quả ra tệp theo đuôi tên: save "tep.xlsx" (bảng tính Excel: tiêu đề tiếng Việt, ngày và số đúng kiểu), .csv, .json (giữ mã và ngày ISO cho máy đọc), .md, .txt; bước cuối"#,
              en: #"writes the rows to a file in the format of its extension: save "file.xlsx" (an Excel workbook: labelled header, typed dates and numbers), .csv, .json (identifiers and ISO dates, for programs), .md, .txt; the last stage"#,
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
        Entry(word: "if", vi: "giá trị theo điều kiện: if ĐK then A else if ĐK2 then B else C (không có else: rỗng), như nhóm tự đặt; "
                  + "và câu lệnh theo điều kiện: if $n > 0 { ... } else { ... }",
              en: "a value chosen by a condition: if COND then A else if COND2 then B else C (no else: null), as a band of one's own; "
                  + "and statements run on a condition: if $n > 0 { ... } else { ... }",
              examples: [#"members | summarize n: count() by nhom: if age(born) < 40 then "dưới 40" else "từ 40" | sort nhom"#,
                         #"members | select name, loai: if status == probationary then "dự bị" else "khác" | take 2"#,
                         "if 1 > 0 { orgs | count } else { members | count }"]),
        Entry(word: "band", vi: "nhóm theo khoảng như các mẫu biểu thống kê: band(age(born), [30, 40, 50]) cho ≤ 30, 31-40, 41-50, > 50",
              en: "bands as the statistics forms have them: band(age(born), [30, 40, 50]) gives ≤ 30, 31-40, 41-50, > 50",
              examples: ["members | summarize n: count() by tuoi: band(age(born), [30, 40, 50])"]),
        Entry(word: "full", vi: "tên người theo cả họ tên, họ trước, để sắp xếp: sort full(name) (sort name xếp theo tên trước)",
              en: "a person's whole name, family name first, for sorting: sort full(name) (sort name goes by given name first)",
              examples: ["members | sort full(name) | take 3 | select name"]),
        Entry(word: "operators", vi: "so sánh: == != < <= > >= (ngày, số, chữ; giá trị liệt kê theo thứ tự khai báo); =~ chứa (không phân biệt hoa thường, dấu); "
                  + "in [a, b]; == null, != null; kết hợp: and, or, not; số và ngày: + - * / (ngày ± số ngày); "
                  + "tham chiếu so với tên: org == \"Chi bộ thôn 1 (xã Gia Hiệp)\" phải chỉ đúng một dòng",
              en: "comparisons: == != < <= > >= (dates, numbers, text; enum cases in their declared order); =~ contains (ignoring case and diacritics); "
                  + "in [a, b]; == null, != null; combined with and, or, not; numbers and dates: + - * / (a date ± days); "
                  + "a reference compared with a name: org == \"Chi bộ thôn 1 (xã Gia Hiệp)\" must name one row",
              examples: [#"members | where theory >= intermediate and not (gender == male) | count"#, #"members | where name =~ "thi" or born == null | count"#,
                         "members | where status in [probationary, official] | count", "members | where admitted > today() - 365 * 2 | count"]),
        Entry(word: "values", vi: "cách viết giá trị: số 12, 3.5; chữ \"...\"; ngày @2024-05-19; danh sách [a, b]; true, false, null; "
                  + "biến $ten (let, def, --set); giá trị liệt kê viết trần (village_cell) hoặc theo tên (\"trung cấp\", \"K'Ho\")",
              en: "how values are written: numbers 12, 3.5; text \"...\"; dates @2024-05-19; lists [a, b]; true, false, null; "
                  + "variables $name (let, def, --set); enum cases bare (village_cell) or by name (\"trung cấp\", \"K'Ho\")",
              examples: [#"members | where born >= @1990-01-01 and theory == "trung cấp" | count"#, "orgs | where has_committee == true | count",
                         #"members | where ethnicity == "K'Ho" | count"#]),
        Entry(word: "begin", vi: "gộp nhiều lệnh ghi thành một giao dịch: begin ... commit (hoặc rollback để bỏ hết); lỗi giữa chừng: không ghi gì",
              en: "makes several writes one transaction: begin ... commit (or rollback to drop them all); an error part way: nothing written",
              examples: []),
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

    /// Words explained by another's entry.
    static let shared: [String: String] = [
        "sum": "summarize", "avg": "summarize", "min": "summarize", "max": "summarize", "count_distinct": "summarize", "by": "summarize",
        "then": "if", "else": "if", "commit": "begin", "rollback": "begin",
        "and": "operators", "or": "operators", "not": "operators", "in": "operators", "toan-tu": "operators",
        "true": "values", "false": "values", "null": "values", "@": "values", "$": "values", "literals": "values", "gia-tri": "values",
    ]

    /// Every word with its entry (functions inside summarize share one, operators another).
    static func entry(_ word: String) -> Entry? {
        let word = shared[word] ?? (Parser.operators.contains(word) ? "operators" : word)
        return entries.first { $0.word == word }
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
