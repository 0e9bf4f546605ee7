import ArgumentParser
import CosoCore
import CosoREPL
import CosoScript
import Foundation

/// coso's command line (see `Coso.main(modules:)`).
public struct Coso: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "coso",
        abstract: L("Sổ tổ chức cơ sở đảng và đảng viên.", "The register of party organisations and members (sổ tổ chức cơ sở đảng và đảng viên)."),
        discussion: L("""
            Không có câu lệnh: coso mở REPL (dòng lệnh tương tác, GNU readline) trên cơ sở dữ liệu,
            hoặc đọc câu lệnh từ đầu vào chuẩn khi đó không phải màn hình.
            Mã thoát: 0 xong, 64 sai cách dùng, 65 lỗi trong câu lệnh (truy vấn sai, quy định không cho), 70 lỗi nội bộ,
            75 sổ đang được phiên khác ghi (chạy lại sau).
            """, """
            With no statements, coso opens the interactive REPL on the database (GNU readline on a terminal),
            or reads statements from standard input when it is not a terminal.
            Exit codes: 0 ok, 64 usage, 65 error in the statements (bad query, rule refused), 70 internal error,
            75 the register is held by another session's write (run again later).
            """),
        version: "coso 0.1.0 (module protocol \(pluginProtocolVersion))",
        subcommands: [RunScript.self, ImportCommand.self, ReportCommand.self, PrintCommand.self, Demo.self, InitCommand.self, ReorganiseCommand.self, BackupCommand.self, RestoreCommand.self, VerifyCommand.self, Modules.self, ModuleCommand.self]
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .customShort("c"), help: L("Chạy các câu lệnh này rồi thoát.", "Run these statements and exit.", value: "CÂU_LỆNH", "STATEMENTS"))
    var statements: String?

    public init() {}

    public func run() throws {
        if let statements {
            let session = try options.settings.openSession(origin: "-c")
            try Script.run(SourceFile(name: "<-c>", text: statements), session: session, settings: options.settings)
            return
        }
        if isatty(0) == 0 {
            let text = try Script.text(Array(FileHandle.standardInput.readDataToEndOfFile()), name: "<stdin>", language: options.language)
            let session = try options.settings.openSession(origin: "stdin")
            try Script.run(SourceFile(name: "<stdin>", text: text), session: session, settings: options.settings)
            return
        }
        let session = try options.settings.openSession(origin: "repl")
        let reader: any LineReader
        if isatty(1) != 0 {
            let completer = Completer(catalog: session.catalog) { prefix in
                OrganisationNames.lookup(prefix, store: session.store)
            }
            reader = ReadlineLineReader(historyPath: StorePath.stateDirectory() + "/history", completer: completer)
        } else {
            reader = PlainLineReader()
        }
        let repl = REPL(session: session, reader: reader, mode: options.settings.mode)
        // On a terminal, a write that matches several rows asks first, and tall results are paged.
        if isatty(1) != 0 {
            session.confirmWrite = { repl.confirm($0) }
            let pager = Pager()
            if pager.command != nil { repl.pager = pager }
        }
        // How long a transaction may sit idle at the prompt before the REPL warns (seconds).
        if let seconds = ProcessInfo.processInfo.environment["COSO_IDLE_WARNING"].flatMap(Double.init) { repl.idleWarning = seconds }
        repl.run()
    }
}

/// Runs statements from `-c`, standard input or a file: stops at the first error with its
/// diagnostic and exit 65.
enum Script {
    static func run(_ source: SourceFile, session: Session, settings: Settings, atomic: Bool = false) throws {
        let out = StandardOutput()
        // The REPL's renderer and dot commands serve scripts too (`.mode csv` in a .coso file).
        let repl = REPL(session: session, reader: PlainLineReader(), mode: settings.mode, output: out,
                        width: isatty(1) != 0 ? REPL.terminalWidth() : nil)
        session.dotCommands = { repl.runDotCommand($0) }
        let renderer = repl.renderer
        do {
            // --atomic: the whole script is one transaction: all of it lands, or none of it.
            if atomic {
                session.atomic = true
                do { try session.store.begin(user: session.user, source: session.origin) } catch StoreError.busy(let holder) {
                    throw SourceError(Session.busy(holder, span: SourceSpan(0, 0)), in: source)
                }
            }
            try session.run(source, sink: renderer)
            if atomic {
                try session.store.commit()
            } else if session.store.inTransaction {
                try session.store.rollback()
                out.flush()
                Output.error(settings.language == .vi ? "lỗi[E0603]: giao dịch mở bằng begin chưa được commit: đã hủy các thay đổi từ lúc begin"
                                                     : "error[E0603]: the transaction opened with begin was not committed: changes since begin were rolled back")
                throw ExitCode(65)
            }
            out.flush()
        } catch let error as SourceError {
            if session.store.inTransaction { try? session.store.rollback() }
            out.flush()
            Output.error(DiagnosticRenderer.render(error, language: settings.language))
            if atomic {
                Output.error(settings.language == .vi ? "(--atomic: không thay đổi nào được ghi)" : "(--atomic: no change was written)")
            }
            throw ExitCode(Script.exitCode(error.diagnostic.code))
        }
    }
}

extension Script {
    /// Statements read as bytes, as text; a script that is not UTF-8 stops here (exit 65).
    static func text(_ bytes: [UInt8], name: String, language: Language) throws -> String {
        do {
            return try SourceBytes.text(bytes, name: name)
        } catch {
            Output.error(DiagnosticRenderer.render(error, language: language))
            throw ExitCode(65)
        }
    }

    /// 70 is a bug in coso; 75 (EX_TEMPFAIL) a register another session holds: run again later;
    /// 77 a read-only register, 74 a damaged one or a failing disk; 65 anything wrong in the
    /// statements or refused by a rule.
    static func exitCode(_ code: String) -> Int32 {
        if code.hasPrefix("E07") { return 70 }
        switch code {
        case "E0604": return 75
        case "E0607": return 77
        case "E0608", "E0609": return 74
        default: return 65
        }
    }
}

struct RunScript: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: L("Chạy một kịch bản .coso.", "Run a .coso script."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("Tệp kịch bản.", "The script file.", value: "TỆP", "file"))
    var file: String

    @Flag(name: .long, help: L("Chạy cả kịch bản trong một giao dịch: ghi tất cả thay đổi, hoặc không ghi gì.", "Run the whole script in one transaction: all of its changes, or none."))
    var atomic = false

    @Flag(name: .long, help: L("Chạy thử mọi lệnh ghi rồi hủy, in ra những gì sẽ thay đổi.", "Run every write and roll it back, printing what it would have changed."))
    var dryRun = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: file) else {
            Output.error(options.language == .vi ? "coso: không đọc được tệp \(file) (không có, là thư mục, hoặc không có quyền đọc)"
                                                 : "coso: cannot read \(file) (missing, a directory, or not readable)")
            throw ExitCode(66)
        }
        let text = try Script.text(Array(data), name: file, language: options.language)
        let session = try options.settings.openSession(origin: "script:\(file)")
        session.dryRun = dryRun
        try Script.run(SourceFile(name: file, text: text), session: session, settings: options.settings, atomic: atomic)
    }
}

struct Modules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: L("Liệt kê các mô-đun đã nạp.", "List the registered modules."))

    @Option(name: .long, help: L("Ngôn ngữ: vi hoặc en.", "Language: vi or en.", value: "NGÔN_NGỮ", "lang"))
    var lang: String = "vi"

    func run() throws {
        let registry: Registry
        do { registry = try Program.registry() } catch {
            Output.error("coso: \(error)")
            throw ExitCode(70)
        }
        let language = Language(rawValue: lang) ?? .vi
        for m in registry.modules where m.id != "core" {
            let requires = m.manifest.requires.map { "\($0.module) \($0.versions)" }.joined(separator: "; ")
            print("\(m.id) \(m.manifest.version)  \(m.manifest.summary.text(language))")
            print("  " + (language == .vi ? "bảng: " : "entities: ") + m.entities.map(\.name).joined(separator: ", "))
            if !m.commands.isEmpty {
                print("  " + (language == .vi ? "lệnh: " : "commands: ") + m.commands.map(\.name).joined(separator: ", "))
            }
            if !requires.isEmpty { print("  " + (language == .vi ? "cần: " : "requires: ") + requires) }
        }
    }
}
