import CReadline
import CosoCore
import CosoScript
import Foundation

/// The interactive loop: read a statement (with continuation lines), run it through the same
/// `Session.run` scripts use, print results or a diagnostic, and never leave on an error or Ctrl-C.
public final class REPL {
    let session: Session
    let reader: any LineReader
    public let renderer: Renderer
    /// Where results go (stdout) and where diagnostics go (stderr); tests pass collectors.
    let output: any TextOutput
    let errors: any TextOutput
    var timer = false
    /// `.once FILE`: the next result goes to this file.
    var onceFile: String?
    var quit = false
    var entryCount = 0
    /// Tall results through a pager (set on a terminal only; `.pager on|off`).
    public var pager: Pager?
    /// What a statement has printed so far while a pager may be needed (written out before a
    /// question to the user, and at the end, through the pager if it is tall).
    private var paged: StringOutput?
    /// After this long at the prompt with a transaction open (`begin`), the next statement is
    /// preceded by a warning: every other writer waits on it meanwhile.
    public var idleWarning: TimeInterval = 300

    public init(session: Session, reader: any LineReader, mode: OutputMode = .table,
                output: any TextOutput = StandardOutput(), errors: any TextOutput = StandardOutput(fd: 2),
                width: Int? = REPL.terminalWidth()) {
        self.session = session
        self.reader = reader
        self.output = output
        self.errors = errors
        self.renderer = Renderer(catalog: session.catalog, mode: mode, language: session.language, output: output, width: width)
    }

    public func run() {
        output.write(session.language == .vi
            ? "coso: sổ tổ chức cơ sở đảng và đảng viên. Gõ .help để xem hướng dẫn, Ctrl-D để thoát.\n"
            : "coso: the register of party organisations and members. Type .help for help, Ctrl-D to leave.\n")
        output.flush()
        while !quit {
            let waiting = Date()
            guard let entry = readStatement() else { break }
            warnIfIdle(since: waiting)
            let text = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            // Lines typed with a leading space stay out of the history (as in bash).
            if !entry.hasPrefix(" ") { reader.addHistory(REPL.historyEntry(entry)) }
            entryCount += 1
            handle(text)
            output.flush()
            errors.flush()
        }
        if session.store.inTransaction {
            try? session.store.rollback()
            errors.write(session.language == .vi ? "\nGiao dịch chưa commit: đã hủy các thay đổi từ lúc begin.\n"
                                                 : "\nThe transaction was not committed: changes since begin were rolled back.\n")
        }
        output.write("\n")
        output.flush()
    }

    /// Lists the rows a write is about to change and asks; only yes writes (Enter, Ctrl-C,
    /// Ctrl-D and anything else: no). Set as the session's `confirmWrite` on a terminal.
    public func confirm(_ rows: [String]) -> Bool {
        releasePaged()
        let vi = session.language == .vi
        output.write((vi ? "Câu lệnh này ghi vào \(rows.count) dòng:\n" : "This statement writes to \(rows.count) rows:\n")
                     + rows.map { "  - \($0)\n" }.joined())
        output.flush()
        guard case .line(let answer) = reader.readLine(prompt: vi ? "Ghi? (c/K) " : "Write? (y/N) ") else { return false }
        let word = VietnameseText.fold(answer.trimmingCharacters(in: .whitespaces))
        return ["c", "co", "y", "yes"].contains(word)
    }

    /// A transaction left open at the prompt holds every other writer: say so, with how long.
    func warnIfIdle(since: Date) {
        let idle = Date().timeIntervalSince(since)
        guard session.store.inTransaction, idle >= idleWarning else { return }
        let minutes = Int(idle / 60)
        errors.write(session.language == .vi
            ? "cảnh báo: giao dịch (begin) đã mở và chờ \(minutes) phút; các phiên khác không ghi được cho đến khi commit hoặc rollback.\n"
            : "warning: the transaction (begin) has been open and idle for \(minutes) min; no other session can write until commit or rollback.\n")
    }

    /// Reads lines until the statement is complete (brackets and strings closed, no trailing `|`).
    func readStatement() -> String? {
        var lines: [String] = []
        while true {
            // A `*` marks an open transaction (begin without commit or rollback yet).
            let mark = session.store.inTransaction ? "*" : ""
            let prompt = lines.isEmpty ? "coso\(mark)> " : "  ...\(mark)> "
            switch reader.readLine(prompt: prompt) {
            case .end:
                return lines.isEmpty ? nil : lines.joined(separator: "\n")
            case .interrupted:
                lines = []
                continue
            case .line(let line):
                lines.append(line)
            }
            let text = lines.joined(separator: "\n")
            if text.trimmingCharacters(in: .whitespaces).hasPrefix(".") || !Lexer.isIncomplete(text) { return text }
        }
    }

    /// One history entry per statement: continuation lines are joined with spaces (a newline there
    /// is only whitespace), unless a `#` comment would then swallow the lines after it.
    static func historyEntry(_ statement: String) -> String {
        guard statement.contains("\n"), !statement.contains("#") else { return statement }
        return statement.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func handle(_ text: String) {
        if text.hasPrefix(".") {
            runDotCommand(text)
            return
        }
        execute(SourceFile(name: "<repl>", text: text))
    }

    /// Runs statements, printing a diagnostic on failure; Ctrl-C cancels the running statement.
    @discardableResult
    func execute(_ source: SourceFile) -> Bool {
        let started = Date()
        let watcher = InterruptWatcher(session: session)
        watcher.start()
        defer { watcher.stop() }
        var ok = true
        // `.once FILE`: this statement's results stream into the file instead of the screen.
        var onceFD: Int32 = -1
        if let target = onceFile {
            onceFile = nil
            onceFD = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard onceFD >= 0 else {
                errors.write((session.language == .vi ? "không ghi được tệp " : "cannot write the file ") + target + "\n")
                return false
            }
            renderer.output = StandardOutput(fd: onceFD)
        }
        defer {
            if onceFD >= 0 {
                renderer.output.flush()
                close(onceFD)
                renderer.output = output
            }
        }
        // A result taller than the screen goes through the pager once the statement is done.
        // Through the pager a wide table keeps its columns (less scrolls sideways) rather than
        // turning vertical.
        let width = renderer.width
        if onceFD < 0, let pager, pager.enabled {
            paged = StringOutput()
            renderer.output = paged!
            renderer.width = nil
        }
        defer { showPaged(); renderer.width = width }
        do {
            try session.run(source, sink: renderer)
        } catch {
            ok = false
            if error.diagnostic.code == REPL.interruptedCode {
                // The terminal has echoed ^C: finish its line and say it stopped, nothing more.
                errors.write("\n" + error.diagnostic.message.text(session.language) + "\n")
            } else {
                errors.write(DiagnosticRenderer.render(error, language: session.language))
            }
        }
        if timer {
            let ms = Date().timeIntervalSince(started) * 1000
            errors.write(String(format: session.language == .vi ? "Thời gian: %.1f ms\n" : "Time: %.1f ms\n", ms))
        }
        return ok
    }

    /// Writes what was held for the pager as it is (before a question: the user must see what it
    /// is about) and goes on writing straight to the screen.
    func releasePaged() {
        guard let held = paged else { return }
        paged = nil
        renderer.output = output
        renderer.width = REPL.terminalWidth()
        output.write(held.text)
        output.flush()
    }

    /// What the statement printed: through the pager when taller than the screen.
    func showPaged() {
        guard let held = paged else { return }
        paged = nil
        renderer.output = output
        if pager?.show(held.text) != true { output.write(held.text) }
        output.flush()
    }

    /// The diagnostic code of a statement cancelled with Ctrl-C (see `Session.run`).
    static let interruptedCode = "E0601"

    public static func terminalWidth() -> Int? {
        var w = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 { return Int(w.ws_col) }
        return nil
    }
}

/// Polls the SIGINT flag while a statement runs and interrupts the store when it is set.
final class InterruptWatcher: @unchecked Sendable {
    // @unchecked: `running` is guarded by `lock`; the session's interrupt() is thread-safe.
    private let session: Session
    private let lock = NSLock()
    private var running = false

    init(session: Session) { self.session = session }

    func start() {
        lock.withLock { running = true }
        _ = coso_take_interrupt()
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                if coso_peek_interrupt() != 0 {
                    session.interrupt()
                    break
                }
                usleep(20_000)
            }
        }
    }

    func stop() { lock.withLock { running = false } }
}
