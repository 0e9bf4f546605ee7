import CReadline
import Glibc

/// Reads lines: GNU readline when stdin and stdout are terminals, plain reading otherwise (a pipe
/// must not see prompts, echoes, or Tab treated as completion).
public enum LineEvent: Equatable {
    case line(String)
    /// Ctrl-C: the half-typed statement is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineEvent
    /// Records one statement (possibly several lines) in the history.
    func addHistory(_ entry: String)
}

public final class PlainLineReader: LineReader {
    public init() {}
    public func readLine(prompt: String) -> LineEvent {
        Swift.readLine(strippingNewline: true).map(LineEvent.line) ?? .end
    }
    public func addHistory(_ entry: String) {}
}

/// Readline with coso's completion and a history file appended to, never rewritten.
public final class ReadlineLineReader: LineReader {
    private let historyPath: String
    private let maxHistory: Int32 = 5000

    public init(historyPath: String, completer: Completer) {
        self.historyPath = historyPath
        ReadlineLineReader.useUTF8Locale()
        coso_rl_configure()
        CompletionBridge.completer = completer
        coso_rl_install_word_break_hook()
        coso_rl_set_completer(CompletionBridge.complete)
        // Prompts under a pty must not be wrapped in bracketed-paste escapes.
        rl_variable_bind("enable-bracketed-paste", "off")
        // One Tab lists the choices when several match (staff should not need to know "Tab Tab").
        rl_variable_bind("show-all-if-ambiguous", "on")
        coso_history_set_multiline()
        coso_install_sigint()
        let dir = String(historyPath[..<(historyPath.lastIndex(of: "/") ?? historyPath.startIndex)])
        if !dir.isEmpty { mkdirs(dir) }
        read_history(historyPath)
    }

    public func readLine(prompt: String) -> LineEvent {
        _ = coso_take_interrupt()
        var raw: UnsafeMutablePointer<CChar>?
        if coso_readline(prompt, &raw) != 0 { return .interrupted }
        guard let raw else { return .end }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    public func addHistory(_ entry: String) {
        add_history(entry)
        // Append this one entry; two sessions writing at once never clobber each other.
        if append_history(1, historyPath) != 0 {
            // The file does not exist yet: create it with this entry.
            write_history(historyPath)
        }
        history_truncate_file(historyPath, maxHistory)
    }

    /// Readline handles multibyte (Vietnamese) input only under a UTF-8 locale. Take the user's
    /// locale; when it is not UTF-8 (LANG unset means "C"), fall back to C.UTF-8.
    static func useUTF8Locale() {
        if let name = setlocale(LC_CTYPE, ""), String(cString: name).lowercased().contains("utf") { return }
        // Readline reads the locale from the environment when it initialises: set it there too.
        for candidate in ["C.UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            setenv("LC_CTYPE", candidate, 1)
            return
        }
    }

    private func mkdirs(_ path: String) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }
}

/// The C completion callbacks and their state. Readline calls them on the REPL thread only, from
/// inside `readline()`, so the static state is never touched concurrently.
enum CompletionBridge {
    nonisolated(unsafe) static var completer: Completer?
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var next = 0

    static let complete: coso_completer_fn = { text, start, end in
        coso_rl_set_attempted_completion_over(1)
        let line = String(cString: coso_rl_line_buffer())
        let point = Int(coso_rl_point())
        let before = String(decoding: Array(line.utf8).prefix(point), as: UTF8.self)
        let word = text.map { String(cString: $0) } ?? ""
        matches = completer?.candidates(before: before, word: word) ?? []
        next = 0
        let inString = before.filter { $0 == "\"" }.count % 2 == 1
        // A completed organisation name closes its string; a word is followed by a space.
        coso_rl_set_append_character(inString ? Int32(UInt8(ascii: "\"")) : Int32(UInt8(ascii: " ")))
        if matches.isEmpty { return nil }
        return coso_rl_completion_matches(text, generator)
    }

    static let generator: coso_generator_fn = { _, state in
        if state == 0 { next = 0 }
        guard next < matches.count else { return nil }
        defer { next += 1 }
        return strdup(matches[next])
    }
}
