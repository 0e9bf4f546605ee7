/// The diagnostics coso itself raises (codes below 1000, which no module may claim): the
/// language (E01 reading, E02 planning), commands (E03), imports (E04), the checks every write
/// shares (E05, `RowValidator`), sessions (E06), internal errors (E07: a bug in coso, exit 70)
/// and targets and statistics (E08). Declared here so that `.help errors` lists them with the
/// modules' own, and a test holds the sources to them.
public enum HostDiagnostics {
    private static func d(_ code: String, _ vi: String, _ en: String, help: (String, String)? = nil, setup: [String] = [],
                          example: String? = nil) -> DiagnosticDefinition {
        DiagnosticDefinition(code, vi: vi, en: en, helpVi: help?.0, helpEn: help?.1,
                             example: example.map { DiagnosticExample(setup: setup, $0) })
    }

    public static let all: [DiagnosticDefinition] = reading + planning + commands + imports + writes + sessions + internals + reports

    static let reading = [
        d("E0101", "chuỗi chưa đóng dấu nháy", "unterminated string", help: ("thêm \" ở cuối chuỗi", "add \" at its end"),
          example: #"audit | where user == "an"#),
        d("E0102", "chuỗi dùng dấu nháy cong “ ” thay cho dấu nháy thẳng \"", "a string in curly quotes “ ” instead of straight ones \"",
          example: "audit | where user == “an”"),
        d("E0103", "ngày viết sai hoặc không tồn tại", "a malformed or impossible date", help: ("viết @YYYY-MM-DD, như @2024-05-19", "write @YYYY-MM-DD, such as @2024-05-19"),
          example: "audit | where at < @2023-02-30"),
        d("E0104", "thiếu tên biến sau $", "a variable name must follow $", example: "audit | where id < $"),
        d("E0105", "chuỗi có ký tự thoát không hợp lệ", "an unknown escape in a string", help: (#"dùng \" \\ \n hoặc \t"#, #"use \" \\ \n or \t"#),
          example: #"audit | where user == "a\qb""#),
        d("E0106", "số nguyên quá lớn", "a whole number too large", example: "audit | where id == 99999999999999999999"),
        d("E0110", "câu lệnh viết sai ở chỗ này", "a statement that does not parse here", example: "audit | where"),
        d("E0111", "không lồng let trong let", "let cannot contain another let", example: "let a = let b = 1"),
    ]

    static let planning = [
        d("E0201", "câu lệnh không bắt đầu bằng một bảng hay một lệnh", "a statement that starts with neither an entity nor a command",
          help: ("các bảng và lệnh: .help", "the entities and commands: .help"), example: "audti | count"),
        d("E0202", "không có cột này ở bước này", "no such column at this stage", example: "audit | where usr == \"x\""),
        d("E0203", "trường không phải tham chiếu nên không có trường con", "a field that is no reference has no fields", example: "audit | where user.x == 1"),
        d("E0204", "chưa có biến này", "an unknown variable", example: "audit | where id < $cutoff"),
        d("E0205", "không phải giá trị của danh mục", "not a case of the enum", help: (".help TÊN_DANH_MỤC liệt kê các giá trị", ".help ENUM lists its cases"),
          example: "check | where severity == nghiem_trong"),
        d("E0206", "không có hàm này", "an unknown function", example: "audit | where yeer(at) == 2024"),
        d("E0207", "hàm nhận sai số tham số", "a function given the wrong number of arguments", example: "audit | where year() == 2024"),
        d("E0208", "hai vế không cùng kiểu", "values of types that do not go together", example: "audit | where id == \"x\""),
        d("E0209", "where cần một điều kiện đúng/sai", "where needs a true/false condition", example: "audit | where user"),
        d("E0210", "take, skip cần một số nguyên không âm", "take and skip need a non-negative whole number", example: "audit | take -1"),
        d("E0211", "lệnh không truyền kết quả sang bước sau", "a command produces no rows for a later stage"),
        d("E0212", "sau tên truy vấn đã lưu cần dấu |", "a saved query's name is followed by |"),
        d("E0213", "sau count không còn bước nào", "nothing can follow count", example: "audit | count | take 5"),
        d("E0214", "lệnh không nhận dữ liệu qua |", "a command that takes no input through |", example: #"audit | setting "R99.x" value: "1""#),
        d("E0215", "không có bước hay lệnh này sau |", "no such stage or command after |", example: "audit | wher"),
        d("E0216", "hàm gộp chỉ dùng trong summarize", "an aggregate works only inside summarize", example: "audit | where count() > 1"),
        d("E0217", "count(...) cần các dòng của một bảng", "count(...) needs rows of an entity"),
        d("E0218", "let không giữ được một lệnh", "let cannot hold a command"),
        d("E0219", "tên đã dùng cho bảng, lệnh, hàm hoặc từ khóa", "a name already taken by an entity, a command, a function or a keyword",
          example: "let audit = 1"),
        d("E0220", "lệnh không có tham số này", "a command without this parameter", example: #"setting "R99.x" valu: "3""#),
        d("E0221", "thừa tham số cho lệnh", "too many arguments for a command", example: #"setting "R99.x" "y" value: "3""#),
        d("E0222", "một tham số được cho hai lần", "a parameter given twice", example: #"setting "R99.x" value: "3" value: "4""#),
        d("E0223", "lệnh thiếu tham số bắt buộc", "a command missing a required argument", example: #"setting "R99.x""#),
        d("E0224", "tham số của lệnh phải là một giá trị cụ thể", "a command argument must be a constant value",
          example: #"setting "R99.x" value: year(today())"#),
        d("E0225", "tham số không đúng kiểu", "an argument of the wrong type", example: #"setting "R99.x" value: 3"#),
        d("E0226", "save phải là bước cuối", "save must be the last stage", example: #"audit | save "a.csv" | count"#),
        d("E0227", "không lưu tệp được ở đây", "saving files is not available here"),
        d("E0228", "không biết định dạng của tệp", "an unknown file format", help: ("dùng .csv, .json, .md hoặc .txt", "use .csv, .json, .md or .txt")),
        d("E0229", "lệnh chấm không dùng được ở đây", "dot commands are not available here"),
        d("E0230", "truy vấn định nghĩa bằng def nhận sai số tham số", "a def called with the wrong number of arguments",
          example: "def entries(p) = audit | where id == $p\nentries(1, 2) | count"),
        d("E0231", "use cần tên tệp trong dấu nháy", "use needs a file name in quotes", example: "use 5"),
        d("E0232", "tệp tự gọi lại chính nó qua use", "a file that uses itself"),
        d("E0233", "for cần một danh sách [..]", "for needs a list [..]", example: "for y in 2022 { audit | count }"),
        d("E0234", "điều kiện của if phải đúng/sai", "an if condition must be true or false", example: #"if "x" { audit | count }"#),
        d("E0235", "bảng không lưu lịch sử: không dùng được asof", "an entity that keeps no history: no asof", example: "audit asof @2020-01-01 | count"),
        d("E0236", "asof cần đúng một ngày", "asof needs exactly one date", example: "check asof 2020 | count"),
        d("E0237", "band cần danh sách mốc", "band needs a list of bounds", example: "audit | select b: band(id, 30)"),
    ]

    static let commands = [
        d("E0301", "không có dòng nào mã hoặc tên như vậy", "no row with this id or name"),
        d("E0302", "nhiều dòng trùng tên này", "several rows share this name", help: ("dùng mã (id) thay cho tên", "give the id instead of the name")),
        d("E0305", "ngày ở tương lai", "a date in the future", help: ("ghi sự kiện khi nó đã diễn ra", "record an event once it has happened")),
        d("E0306", "không có giá trị cấu hình này", "no such setting", help: ("xem: rules | select code, defaults", "see: rules | select code, defaults"),
          example: #"setting "R99.x" value: "1""#),
        d("E0307", "giá trị cấu hình không đúng dạng", "a setting's value of the wrong form"),
        d("E0390", "bảng chỉ đọc, không sửa được", "a read-only entity"),
    ]

    static let imports = [
        d("E0401", "không mở được tệp", "cannot open the file"),
        d("E0402", "tệp rỗng", "the file is empty"),
        d("E0403", "cột không ứng với trường nào", "a column that names no field", help: ("đổi tên cột, hoặc --map \"Tiêu đề=trường\"", "rename it, or --map \"Header=field\"")),
        d("E0404", "hai cột cho một trường", "two columns for one field"),
        d("E0405", "dòng có số cột khác tiêu đề", "a row with another number of columns than the header"),
        d("E0406", "chữ không ở bảng mã Unicode (có vẻ TCVN3 hoặc VNI)", "text not in Unicode (it looks like TCVN3 or VNI)",
          help: ("chuyển tệp sang Unicode (UniKey: Công cụ chuyển mã) rồi lưu dạng CSV UTF-8", "convert the file to Unicode (UniKey's converter), save it as CSV UTF-8")),
        d("E0408", "ô cần một số", "a cell that needs a number"),
        d("E0409", "ô ngày không hợp lệ", "a cell that is not a valid date", help: ("dạng 2024-05-19 hoặc 19/05/2024", "write 2024-05-19 or 19/05/2024")),
        d("E0410", "ô cần có hoặc không", "a cell that needs yes or no"),
        d("E0411", "ô không có trong danh mục", "a cell not among the enum's values"),
        d("E0412", "ô trỏ tới một dòng không có", "a cell that names a row that does not exist"),
        d("E0413", "ô trỏ tới một tên nhiều dòng cùng có", "a cell that names a name several rows share", help: ("ghi mã thay cho tên", "write the id instead")),
        d("E0414", "giá trị trùng với một dòng trước trong tệp", "a value repeating an earlier row of the file"),
        d("E0415", "giá trị đã có trong sổ", "a value already in the register"),
        d("E0424", "mã (id) đã có", "an id that is taken", help: ("bỏ cột id để nhận mã mới", "drop the id column to get new ids")),
    ]

    static let writes = [
        d("E0501", "trường bắt buộc bị để trống", "a required field left empty"),
        d("E0502", "giá trị không đúng kiểu của trường", "a value of the wrong kind for its field"),
        d("E0503", "giá trị không có trong danh mục của trường", "a value not among the field's enum cases"),
        d("E0504", "số ngoài khoảng cho phép của trường", "a number outside the field's range"),
        d("E0505", "số không thuộc các giá trị cho phép", "a number not among the allowed values"),
        d("E0506", "chữ dài quá mức của trường", "text longer than the field takes"),
        d("E0507", "số hiệu không đúng số chữ số", "a number with the wrong count of digits"),
        d("E0508", "tên người có ký tự không phải chữ", "a person's name with characters that are not letters"),
        d("E0509", "tháng ghi bằng ngày đầu tháng", "a month written as its first day"),
        d("E0510", "ngày ở tương lai", "a date in the future"),
        d("E0511", "chữ chứa ký tự điều khiển hoặc ký tự ẩn", "text holding a control or hidden character",
          help: ("gõ lại, hoặc dán dưới dạng văn bản thuần", "type it again, or paste it as plain text")),
        d("E0512", "giá trị đã có ở một dòng khác", "a value another row holds"),
        d("E0513", "hai ngày (hoặc hai số) không đúng thứ tự", "two dates (or numbers) out of order"),
        d("E0514", "cần đúng một trong các trường", "exactly one of the fields is needed"),
        d("E0515", "một trường chỉ có khi trường khác có giá trị nào đó", "a field given only when another holds a given value"),
        d("E0516", "tham chiếu trỏ vào chính dòng đó", "a reference to the row itself"),
        d("E0517", "đã có dòng với cùng các giá trị này", "a row with the same values exists"),
        d("E0518", "tham chiếu tới một dòng không có", "a reference to a row that does not exist"),
        d("E0519", "ngày không hợp lệ", "not a valid date"),
        d("E0520", "sổ không nhận dòng này (ràng buộc của cơ sở dữ liệu)", "the register refused the row (a database constraint)"),
    ]

    static let sessions = [
        d("E0601", "đã dừng (Ctrl-C)", "interrupted (Ctrl-C)"),
        d("E0602", "giao dịch đã mở, hoặc chưa mở", "a transaction already open, or none open", example: "commit"),
        d("E0603", "giao dịch mở bằng begin chưa được commit", "a transaction opened with begin and not committed"),
    ]

    static let internals = [
        d("E0700", "lỗi nội bộ của coso", "an internal error of coso", help: ("báo lỗi này cho người phát triển", "report it to the developers")),
        d("E0701", "lỗi nội bộ: một mô-đun ghi vào bảng không có", "internal error: a module wrote to an entity that does not exist"),
        d("E0702", "lỗi nội bộ: một mô-đun ghi vào trường không có", "internal error: a module wrote to a field that does not exist"),
        d("E0703", "lỗi nội bộ: sửa hay xóa khi nhập hàng loạt", "internal error: an update or delete during a bulk load"),
        d("E0704", "lỗi nội bộ: lệnh chạy thiếu tham số bắt buộc", "internal error: a command ran without a required argument"),
    ]

    static let reports = [
        d("E0801", "cần một truy vấn, không phải một lệnh", "a query is needed, not a command"),
        d("E0802", "truy vấn của chỉ tiêu sai", "a target's query is wrong"),
        d("E0803", "cần mã chỉ tiêu, như T10", "a target code is needed, such as T10", example: "target | count"),
        d("E0804", "sau từ khóa cần một giá trị", "a value is needed after the keyword", example: "targets for"),
        d("E0805", "không có tổ chức tên như vậy", "no organisation has this name"),
        d("E0806", "nhiều tổ chức trùng tên này", "several organisations share this name", help: ("dùng mã (id) thay cho tên", "give the id instead of the name")),
        d("E0807", "chỉ tiêu không tính được theo từng tổ chức", "a target that cannot be broken down by organisation"),
        d("E0808", "chưa có dữ liệu của chỉ tiêu cho năm này", "no data for the target in this year"),
        d("E0809", "không có bảng thống kê này", "no such statistics table", example: "stats khong_co"),
        d("E0810", "bảng thống kê phải nhóm theo một khóa và đếm n", "a statistics table must group by one key and count n"),
        d("E0811", "không có mô-đun nào khai báo cây tổ chức", "no module declares the organisation tree"),
    ]
}
