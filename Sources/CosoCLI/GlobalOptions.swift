import ArgumentParser
import CosoCore
import CosoREPL
import CosoScript
import Foundation

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: L("Tệp cơ sở dữ liệu (mặc định: $COSO_DB, rồi thư mục dữ liệu XDG).", "The database file (default: $COSO_DB, then the XDG data directory).", value: "TỆP", "FILE"))
    var db: String?

    @Option(name: .long, help: L("Người thực hiện thay đổi, ghi vào nhật ký (mặc định: người dùng của hệ điều hành).", "Who is making changes, recorded in the audit trail (default: the OS user).", value: "NGƯỜI_DÙNG", "user"))
    var user: String?

    @Option(name: .long, help: L("Ngôn ngữ của thông báo và tiêu đề: vi hoặc en.", "Language of messages and headers: vi or en.", value: "NGÔN_NGỮ", "lang"))
    var lang: String = "vi"

    @Option(name: .long, help: L("Dạng kết quả: table, csv, json, markdown hoặc line.", "Output format: table, csv, json, markdown or line.", value: "DẠNG", "format"))
    var format: String = "table"

    @Option(name: .customLong("set"), help: L("Tham số của kịch bản, dùng như $TÊN (lặp lại được).", "A script parameter, used as $NAME (repeatable).", value: "TÊN=GIÁ_TRỊ", "NAME=VALUE"))
    var parameters: [String] = []

    @Flag(name: .long, help: L("Tệp CSV do save ghi bắt đầu bằng BOM UTF-8 (cho Excel).", "Start CSV files that save writes with a UTF-8 BOM (for Excel)."))
    var bom = false

    func validate() throws {
        _ = try settings.validated()
    }

    var settings: Settings {
        Settings(db: db, user: user, lang: lang, format: format, parameters: parameters, bom: bom)
    }
    var language: Language { settings.language }
}

/// The global options as plain values: what a run needs, however the command line was parsed
/// (ArgumentParser for commands, `Settings.quick` for the common `coso -c` call).
struct Settings {
    var db: String?
    var user: String?
    var lang = "vi"
    var format = "table"
    var parameters: [String] = []
    var bom = false

    /// Self, or the message a usage error shows.
    func validated() throws -> Settings {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be vi or en") }
        guard OutputMode(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: " + OutputMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return self
    }

    var language: Language { Language(rawValue: lang) ?? .vi }
    /// `--set year=2024`: numbers, dates (@2024-12-31 or 2024-12-31), true/false, else text.
    func parsedParameters() throws -> [String: Value] {
        var out: [String: Value] = [:]
        for p in parameters {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError("--set needs NAME=VALUE, got '\(p)'")
            }
            let name = String(p[..<eq]), raw = String(p[p.index(after: eq)...])
            if let i = Int64(raw) { out[name] = .int(i) }
            else if let d = LocalDate(iso: raw.hasPrefix("@") ? String(raw.dropFirst()) : raw) { out[name] = .date(d) }
            else if raw == "true" || raw == "false" { out[name] = .bool(raw == "true") }
            else { out[name] = .text(VietnameseText.nfc(raw)) }
        }
        return out
    }
    var mode: OutputMode { OutputMode(rawValue: format) ?? .table }

    var databasePath: String { StorePath.resolve(flag: db) }

    var actor: String {
        if let user, !user.isEmpty { return user }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// Opens the registry and the store, turning failures into a message and an exit code.
    /// `path` and `loading`: a generator's new file (see `Store.init(path:registry:loading:)`).
    /// `create`: a missing file becomes a new register (only commands that make registers: `coso
    /// demo`, `coso init`, `coso import --create`).
    func openSession(origin: String, path: String? = nil, loading: Bool = false, create: Bool = false) throws -> Session {
        let registry: Registry
        do { registry = try Program.registry() } catch {
            Output.error("coso: internal error: \(error)")
            throw ExitCode(70)
        }
        return try Output.storeErrors(language) {
            let store = try Store(path: path ?? databasePath, registry: registry, loading: loading, create: create)
            if let backup = store.backupPath {
                Output.error(language == .vi ? "coso: đã sao lưu cơ sở dữ liệu cũ vào \(backup) trước khi nâng cấp"
                                             : "coso: backed up the older database to \(backup) before upgrading")
            }
            let session = Session(store: store, user: actor, language: language, origin: origin)
            session.variables = try parsedParameters()
            session.enableFiles(bom: bom)
            return session
        }
    }
}

enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write((text.hasSuffix("\n") ? text : text + "\n").data(using: .utf8)!)
    }

    /// Runs `body`; a problem with the register's file (missing, read-only, damaged, ...) becomes
    /// its message and its exit code (`StoreError.exitCode`).
    static func storeErrors<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as StoreError {
            error("coso: " + e.message(language))
            throw ExitCode(e.exitCode)
        }
    }
}
