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
        d("E0211", "lệnh không truyền kết quả sang bước sau", "a command produces no rows for a later stage",
          help: ("chạy lệnh riêng, rồi truy vấn ở câu sau", "run the command on its own, then query in the next statement"),
          example: #"setting "R99.x" value: "1" | count"#),
        d("E0212", "sau tên bảng hay truy vấn đã lưu cần dấu |", "an entity's or a saved query's name is followed by |",
          example: "audit audit"),
        d("E0213", "sau count không còn bước nào", "nothing can follow count", example: "audit | count | take 5"),
        d("E0214", "lệnh không nhận dữ liệu qua |", "a command that takes no input through |", example: #"audit | setting "R99.x" value: "1""#),
        d("E0215", "không có bước hay lệnh này sau |", "no such stage or command after |", example: "audit | wher"),
        d("E0216", "hàm gộp chỉ dùng trong summarize", "an aggregate works only inside summarize", example: "audit | where count() > 1"),
        d("E0217", "count(...) cần các dòng của một bảng trỏ tới bảng này", "count(...) needs rows of an entity that refers to this one",
          help: ("count(BẢNG) đếm các dòng của BẢNG trỏ tới dòng này qua đúng một trường", "count(ENTITY) counts the rows of ENTITY referring to this row through exactly one field"),
          example: "check | select n: count(audit)"),
        d("E0218", "let không giữ được một lệnh", "let cannot hold a command", help: ("let giữ một giá trị hoặc một truy vấn", "let holds a value or a query"),
          example: #"let s = setting "R99.x" value: "1""#),
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
        d("E0227", "không lưu tệp được ở đây", "saving files is not available here",
          help: ("save ghi tệp khi chạy coso trong REPL hoặc trên dòng lệnh, vào thư mục ghi được", "save writes files from the REPL or the command line, into a folder that can be written")),
        d("E0228", "không biết định dạng của tệp", "an unknown file format", help: ("dùng .csv, .json, .md hoặc .txt", "use .csv, .json, .md or .txt")),
        d("E0229", "lệnh chấm không dùng được ở đây", "dot commands are not available here",
          help: ("lệnh chấm (.help, .mode ...) dùng trong REPL hoặc trong tệp .coso", "dot commands (.help, .mode ...) work in the REPL or a .coso file")),
        d("E0230", "truy vấn định nghĩa bằng def nhận sai số tham số", "a def called with the wrong number of arguments",
          example: "def entries(p) = audit | where id == $p\nentries(1, 2) | count"),
        d("E0231", "use cần tên tệp trong dấu nháy", "use needs a file name in quotes", example: "use 5"),
        d("E0232", "tệp tự gọi lại chính nó qua use", "a file that uses itself",
          help: ("bỏ use vòng lại; đưa phần dùng chung ra một tệp riêng", "remove the circular use; move what both share into a file of its own")),
        d("E0233", "for cần một danh sách [..]", "for needs a list [..]", example: "for y in 2022 { audit | count }"),
        d("E0234", "điều kiện của if phải đúng/sai", "an if condition must be true or false", example: #"if "x" { audit | count }"#),
        d("E0235", "bảng không lưu lịch sử: không dùng được asof", "an entity that keeps no history: no asof", example: "audit asof @2020-01-01 | count"),
        d("E0236", "asof cần đúng một ngày", "asof needs exactly one date", example: "check asof 2020 | count"),
        d("E0237", "band cần danh sách mốc", "band needs a list of bounds", example: "audit | select b: band(id, 30)"),
        d("E0238", "truy vấn trong dấu nháy của lệnh sai", "a quoted query given to a command is wrong",
          help: ("thử truy vấn riêng trước, rồi đặt nó trong dấu nháy", "try the query on its own first, then quote it")),
    ]

    static let commands = [
        d("E0301", "không có dòng nào mã hoặc tên như vậy", "no row with this id or name"),
        d("E0302", "nhiều dòng trùng tên này", "several rows share this name", help: ("dùng mã (id) thay cho tên", "give the id instead of the name")),
        d("E0305", "ngày ở tương lai", "a date in the future", help: ("ghi sự kiện khi nó đã diễn ra", "record an event once it has happened")),
        d("E0306", "không có giá trị cấu hình này", "no such setting", help: ("xem: rules | select code, defaults", "see: rules | select code, defaults"),
          example: #"setting "R99.x" value: "1""#),
        d("E0307", "giá trị cấu hình không đúng dạng", "a setting's value of the wrong form"),
        d("E0390", "bảng chỉ đọc, không sửa được", "a read-only entity",
          help: ("nhật ký và các bảng suy ra chỉ đọc; sửa ở bảng gốc", "the audit trail and derived entities are read-only; change the source entity")),
    ]

    static let imports = [
        d("E0401", "không mở được tệp", "cannot open the file", help: ("kiểm tra đường dẫn và quyền đọc tệp", "check the path and that the file can be read")),
        d("E0402", "tệp rỗng", "the file is empty", help: ("tệp cần một dòng tiêu đề và ít nhất một dòng dữ liệu", "the file needs a header line and at least one row")),
        d("E0403", "cột không ứng với trường nào", "a column that names no field", help: ("đổi tên cột, hoặc --map \"Tiêu đề=trường\"", "rename it, or --map \"Header=field\"")),
        d("E0404", "hai cột cho một trường", "two columns for one field", help: ("bỏ một trong hai cột, hoặc đổi tên bằng --map", "drop one of the two columns, or rename one with --map")),
        d("E0405", "dòng có số cột khác tiêu đề", "a row with another number of columns than the header", help: ("thường do dấu phẩy trong ô không có dấu nháy: đặt ô trong \"...\"", "usually a comma in an unquoted cell: quote the cell \"...\"")),
        d("E0406", "chữ không ở bảng mã Unicode (có vẻ TCVN3 hoặc VNI)", "text not in Unicode (it looks like TCVN3 or VNI)",
          help: ("chuyển tệp sang Unicode (UniKey: Công cụ chuyển mã) rồi lưu dạng CSV UTF-8", "convert the file to Unicode (UniKey's converter), save it as CSV UTF-8")),
        d("E0408", "ô cần một số", "a cell that needs a number", help: ("ghi số nguyên, không có dấu chấm hay chữ", "write a whole number, without dots or letters")),
        d("E0409", "ô ngày không hợp lệ", "a cell that is not a valid date", help: ("dạng 2024-05-19 hoặc 19/05/2024", "write 2024-05-19 or 19/05/2024")),
        d("E0410", "ô cần có hoặc không", "a cell that needs yes or no", help: ("ghi có/không (hoặc true/false, 1/0)", "write yes/no (or true/false, 1/0)")),
        d("E0411", "ô không có trong danh mục", "a cell not among the enum's values", help: (".help TÊN_DANH_MỤC liệt kê các giá trị (nhãn tiếng Việt cũng được)", ".help ENUM lists its values (the Vietnamese labels are accepted too)")),
        d("E0412", "ô trỏ tới một dòng không có", "a cell that names a row that does not exist", help: ("ghi mã hoặc tên đúng của một dòng đã có trong sổ hoặc ở dòng trước trong tệp", "write the id or exact name of a row in the register or earlier in the file")),
        d("E0413", "ô trỏ tới một tên nhiều dòng cùng có", "a cell that names a name several rows share", help: ("ghi mã thay cho tên", "write the id instead")),
        d("E0414", "giá trị trùng với một dòng trước trong tệp", "a value repeating an earlier row of the file", help: ("bỏ dòng trùng, hoặc sửa giá trị", "drop the repeated row, or correct the value")),
        d("E0415", "giá trị đã có trong sổ", "a value already in the register", help: ("giá trị này đã thuộc một dòng trong sổ: kiểm tra lại, không nhập hai lần", "a row of the register holds it already: check it, do not import it twice")),
        d("E0424", "mã (id) đã có", "an id that is taken", help: ("bỏ cột id để nhận mã mới", "drop the id column to get new ids")),
    ]

    static let writes = [
        d("E0501", "trường bắt buộc bị để trống", "a required field left empty", help: ("ghi giá trị cho trường này", "give the field a value")),
        d("E0502", "giá trị không đúng kiểu của trường", "a value of the wrong kind for its field", help: ("ghi giá trị đúng kiểu của trường: .help BẢNG", "give a value of the field's kind: .help ENTITY")),
        d("E0503", "giá trị không có trong danh mục của trường", "a value not among the field's enum cases", help: (".help TÊN_DANH_MỤC liệt kê các giá trị", ".help ENUM lists its values")),
        d("E0504", "số ngoài khoảng cho phép của trường", "a number outside the field's range", help: ("khoảng cho phép của mỗi trường: .help BẢNG", "each field's range: .help ENTITY")),
        d("E0505", "số không thuộc các giá trị cho phép", "a number not among the allowed values", help: ("các giá trị cho phép của mỗi trường: .help BẢNG", "each field's allowed values: .help ENTITY")),
        d("E0506", "chữ dài quá mức của trường", "text longer than the field takes", help: ("rút gọn; độ dài tối đa của mỗi trường: .help BẢNG", "shorten it; each field's longest: .help ENTITY")),
        d("E0507", "số hiệu không đúng số chữ số", "a number with the wrong count of digits", help: ("ghi đủ các chữ số, không dấu cách hay dấu chấm", "write every digit, without spaces or dots")),
        d("E0508", "tên người có ký tự không phải chữ", "a person's name with characters that are not letters", help: ("tên chỉ gồm chữ cái, dấu cách, dấu nháy đơn, gạch nối và dấu chấm", "a name has only letters, spaces, apostrophes, hyphens and dots")),
        d("E0509", "tháng ghi bằng ngày đầu tháng", "a month written as its first day", help: ("ghi ngày 01 của tháng, như 2025-12-01", "write the month's first day, such as 2025-12-01")),
        d("E0510", "ngày ở tương lai", "a date in the future", help: ("ghi sự kiện khi nó đã diễn ra", "record an event once it has happened")),
        d("E0511", "chữ chứa ký tự điều khiển, ký tự ẩn, hoặc xuống dòng ở trường một dòng", "text holding a control or hidden character, or a line break in a one-line field",
          help: ("gõ lại, hoặc dán dưới dạng văn bản thuần", "type it again, or paste it as plain text")),
        d("E0512", "giá trị đã có ở một dòng khác", "a value another row holds", help: ("tìm dòng đang giữ giá trị này; mỗi giá trị chỉ thuộc một dòng", "look up the row holding it; each value belongs to one row")),
        d("E0513", "hai ngày (hoặc hai số) không đúng thứ tự", "two dates (or numbers) out of order", help: ("kiểm tra lại hai giá trị", "check both values")),
        d("E0514", "cần đúng một trong các trường", "exactly one of the fields is needed", help: ("ghi một trong các trường, không ghi cả hai", "give one of the fields, not both")),
        d("E0515", "một trường chỉ có khi trường khác có giá trị nào đó", "a field given only when another holds a given value", help: ("xem quy tắc của bảng: .help BẢNG", "see the entity's rules: .help ENTITY")),
        d("E0516", "tham chiếu trỏ vào chính dòng đó", "a reference to the row itself", help: ("chọn một dòng khác", "choose another row")),
        d("E0517", "đã có dòng với cùng các giá trị này", "a row with the same values exists", help: ("dòng này đã được ghi; sửa dòng đã có thay vì ghi thêm", "the row is recorded already; correct it rather than add another")),
        d("E0518", "tham chiếu tới một dòng không có", "a reference to a row that does not exist", help: ("kiểm tra mã của dòng được trỏ tới", "check the id of the row referred to")),
        d("E0519", "ngày không hợp lệ", "not a valid date", help: ("viết ngày dạng YYYY-MM-DD", "write the date as YYYY-MM-DD")),
        d("E0520", "sổ không nhận dòng này (ràng buộc của cơ sở dữ liệu)", "the register refused the row (a database constraint)", help: ("sổ có thể đang được người khác ghi: thử lại; nếu vẫn lỗi, báo người phát triển", "someone else may be writing the register: try again; if it persists, report it")),
    ]

    static let sessions = [
        d("E0601", "đã dừng (Ctrl-C)", "interrupted (Ctrl-C)", help: ("câu đang chạy đã dừng, không ghi gì; chạy lại khi cần", "the statement stopped and wrote nothing; run it again when needed")),
        d("E0602", "giao dịch đã mở, hoặc chưa mở", "a transaction already open, or none open", example: "commit"),
        d("E0603", "giao dịch mở bằng begin chưa được commit", "a transaction opened with begin and not committed", help: ("các thay đổi từ begin đã bị hủy; thêm commit ở cuối tệp", "the changes since begin were rolled back; end the file with commit")),
        d("E0604", "sổ đang được một phiên khác giữ để ghi", "another session holds the register for writing",
          help: ("không ghi gì; chờ phiên đó (người, nguồn và giờ được nêu nếu biết) commit hoặc rollback rồi chạy lại; mã thoát 75",
                 "nothing was written; wait for that session (its user, source and time are named when known) to commit or roll back, then run again; exit code 75")),
        d("E0606", "các dòng khớp đã thay đổi từ lúc hỏi", "the matching rows changed since the question",
          help: ("một phiên khác đã ghi trong lúc chờ trả lời: không ghi gì; chạy lại câu lệnh", "another session wrote while the question waited: nothing was written; run the statement again")),
        d("E0605", "begin, commit, rollback trong coso run --atomic", "begin, commit or rollback under coso run --atomic",
          help: ("cả tệp đã là một giao dịch: bỏ các dòng này, hoặc chạy không có --atomic", "the whole file is one transaction already: remove these lines, or run without --atomic")),
    ]

    static let internals = [
        d("E0700", "lỗi nội bộ của coso", "an internal error of coso", help: ("báo lỗi này cho người phát triển", "report it to the developers")),
        d("E0701", "lỗi nội bộ: một mô-đun ghi vào bảng không có", "internal error: a module wrote to an entity that does not exist", help: ("báo lỗi này cho người phát triển mô-đun, kèm câu lệnh", "report it to the module's developers, with the statement")),
        d("E0702", "lỗi nội bộ: một mô-đun ghi vào trường không có", "internal error: a module wrote to a field that does not exist", help: ("báo lỗi này cho người phát triển mô-đun, kèm câu lệnh", "report it to the module's developers, with the statement")),
        d("E0703", "lỗi nội bộ: sửa hay xóa khi nhập hàng loạt", "internal error: an update or delete during a bulk load", help: ("báo lỗi này cho người phát triển, kèm lệnh nhập", "report it to the developers, with the import command")),
        d("E0704", "lỗi nội bộ: lệnh chạy thiếu tham số bắt buộc", "internal error: a command ran without a required argument", help: ("báo lỗi này cho người phát triển mô-đun, kèm câu lệnh", "report it to the module's developers, with the statement")),
    ]

    static let reports = [
        d("E0801", "cần một truy vấn, không phải một lệnh", "a query is needed, not a command", help: ("viết BẢNG | where ... (không phải một lệnh ghi)", "write ENTITY | where ... (not a command that writes)")),
        d("E0802", "truy vấn của chỉ tiêu sai", "a target's query is wrong", help: ("thử truy vấn riêng trước; chỉ tiêu tự đặt thì bỏ (target remove) rồi thêm lại", "try the query on its own first; a custom target is removed (target remove) and added again")),
        d("E0803", "cần mã chỉ tiêu, như T10", "a target code is needed, such as T10", example: "target | count"),
        d("E0804", "sau từ khóa cần một giá trị", "a value is needed after the keyword", example: "targets for"),
        d("E0805", "không có tổ chức tên như vậy", "no organisation has this name"),
        d("E0806", "nhiều tổ chức trùng tên này", "several organisations share this name", help: ("dùng mã (id) thay cho tên", "give the id instead of the name")),
        d("E0807", "chỉ tiêu không tính được theo từng tổ chức", "a target that cannot be broken down by organisation", help: ("xem chỉ tiêu cho cả đơn vị: targets", "see the target for the whole register: targets")),
        d("E0808", "chưa có dữ liệu của chỉ tiêu cho năm này", "no data for the target in this year", help: ("nhập dữ liệu của năm đó, hoặc chọn năm khác", "import that year's data, or choose another year")),
        d("E0809", "không có bảng thống kê này", "no such statistics table", example: "stats khong_co"),
        d("E0810", "bảng thống kê phải nhóm theo một khóa và đếm n", "a statistics table must group by one key and count n", help: ("truy vấn của bảng thống kê kết thúc bằng summarize n: count() by KHÓA", "a statistics query ends with summarize n: count() by KEY")),
        d("E0811", "không có mô-đun nào khai báo cây tổ chức", "no module declares the organisation tree", help: ("thêm mô-đun tổ chức (organisations) vào coso", "add the organisations module to coso")),
    ]
}
