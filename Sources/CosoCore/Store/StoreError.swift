import GRDB

/// Why the store could not open or migrate a database.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case newerDatabase(path: String, detail: String)
    case cannotOpen(path: String, reason: String)
    case migrationFailed(module: String, number: Int, reason: String)
    /// A table could not be brought to its declared form (`SchemaReconciler`).
    case schemaFailed(table: String, reason: String)
    /// A module declares an entity the store cannot make a table of (the module's mistake).
    case invalidDeclaration(String)
    case interrupted
    case engine(String)
    case transaction(String)
    /// Another connection held the register for writing longer than the store waits (10 s);
    /// `holder` is who, when they left a note (`WriteHolder`).
    case busy(holder: WriteHolder?)
    /// No file at the path (and the command does not make registers); `nearest`: a register of a
    /// near name beside it.
    case missing(path: String, nearest: String?)
    /// The path is a directory, or another kind of file that is not a database.
    case notAFile(path: String)
    /// A file that is not an SQLite database (a spreadsheet, a text file, random bytes).
    case notADatabase(path: String)
    /// An SQLite database of another application: refused untouched.
    case notARegister(path: String)
    /// The file or its directory cannot be written.
    case readOnly(path: String)
    /// SQLite found the file damaged.
    case corrupt(path: String, detail: String)
    /// The disk is full, or reading or writing the file failed.
    case ioError(path: String, detail: String)
    /// A file coso was to make is there already (a backup never overwrites).
    case exists(path: String)

    public var description: String {
        switch self {
        case .newerDatabase(let path, let detail):
            return "\(path) was made by a newer coso (\(detail)); open it with that version or upgrade coso. Nothing was changed."
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .migrationFailed(let m, let n, let reason):
            return "migration \(n) of module '\(m)' failed: \(reason); the database was left unchanged"
        case .schemaFailed(let table, let reason):
            return "the table \(table) cannot take the form its module declares: \(reason); the database was left unchanged"
        case .invalidDeclaration(let reason):
            return "a module's declaration is wrong: \(reason); nothing was changed"
        case .interrupted:
            return "interrupted"
        case .engine(let message):
            return "database error: \(message)"
        case .transaction(let message):
            return message
        case .busy(let holder):
            return "the register is being written by another session" + (holder.map { " (\($0.user), \($0.source), since \($0.since))" } ?? "")
        case .missing, .notAFile, .notADatabase, .notARegister, .readOnly, .corrupt, .ioError, .exists:
            return message(.en)
        }
    }

    /// What the user reads about a file coso cannot use, and what to do.
    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .missing(let path, let nearest):
            let near = nearest.map { vi ? " Có phải ý bạn là \($0)?" : " Did you mean \($0)?" } ?? ""
            return vi ? "không có tệp \(path).\(near) Tạo sổ mới bằng: coso init \(path) (hoặc coso demo district --db \(path))"
                      : "there is no file \(path).\(near) Make a new register with: coso init \(path) (or coso demo district --db \(path))"
        case .notAFile(let path):
            return vi ? "\(path) là một thư mục, không phải tệp sổ đảng viên" : "\(path) is a directory, not a register file"
        case .notADatabase(let path):
            return vi ? "\(path) không phải tệp cơ sở dữ liệu SQLite (có thể là tệp khác đặt nhầm tên): không đọc, không ghi gì"
                      : "\(path) is not an SQLite database (perhaps another file under that name): nothing was read or written"
        case .notARegister(let path):
            return vi ? "\(path) là cơ sở dữ liệu của chương trình khác, không phải sổ của coso: không thay đổi gì trong tệp"
                      : "\(path) is another application's database, not a coso register: the file was left untouched"
        case .readOnly(let path):
            return vi ? "không ghi được vào \(path) (tệp hoặc thư mục chỉ cho đọc): kiểm tra quyền của tệp và thư mục"
                      : "cannot write to \(path) (the file or its directory is read-only): check the permissions of both"
        case .corrupt(let path, let detail):
            return vi ? "tệp \(path) bị hỏng (\(detail)): dừng lại, không ghi gì thêm; khôi phục bản sao lưu gần nhất (coso restore) và chạy coso verify"
                      : "\(path) is damaged (\(detail)): stopped, nothing more written; restore the latest backup (coso restore) and run coso verify"
        case .ioError(let path, let detail):
            return vi ? "lỗi đọc ghi tệp \(path) (\(detail)): có thể ổ đĩa đã đầy; giải phóng chỗ trống rồi chạy lại, không có thay đổi nào bị ghi dở"
                      : "reading or writing \(path) failed (\(detail)): the disk may be full; free some space and run again, nothing was half-written"
        case .exists(let path):
            return vi ? "đã có tệp \(path): không ghi đè; chọn tên khác" : "\(path) exists already: not overwritten; choose another name"
        default:
            return description
        }
    }

    /// The exit code a command ends with on this error (sysexits): 66 a file that is not a
    /// register, 77 no permission, 74 a damaged file or a failed disk, 75 busy, 65 a newer
    /// register, 70 anything else (a bug in coso).
    public var exitCode: Int32 {
        switch self {
        case .missing, .notAFile, .notADatabase, .notARegister: return 66
        case .readOnly: return 77
        case .corrupt, .ioError: return 74
        case .exists: return 73
        case .busy: return 75
        case .newerDatabase: return 65
        default: return 70
        }
    }

    /// The diagnostic code of a file problem met while running a statement (E0607 read-only,
    /// E0608 damaged, E0609 disk full or failing); nil for other errors.
    public var diagnosticCode: String? {
        switch self {
        case .readOnly: return "E0607"
        case .corrupt: return "E0608"
        case .ioError: return "E0609"
        default: return nil
        }
    }

    /// The error a database error stands for, when it is about the file rather than a statement.
    static func file(_ e: DatabaseError, path: String) -> StoreError? {
        switch e.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return .readOnly(path: path)
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: e.message ?? "SQLITE_CORRUPT")
        case .SQLITE_FULL: return .ioError(path: path, detail: e.message ?? "SQLITE_FULL")
        case .SQLITE_IOERR: return .ioError(path: path, detail: e.message ?? "SQLITE_IOERR")
        default: return nil
        }
    }
}
