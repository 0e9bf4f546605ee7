import ArgumentParser
import CosoCore
import Foundation
import Synchronization

extension Coso {
    /// Runs coso's command line with these modules (and never returns): the `coso` executable
    /// passes the built-in ones; a package building its own coso adds its modules to them.
    public static func main(modules: [any CosoModule]) -> Never {
        Program.modules.withLock { $0 = modules }
        // `coso -c '...'` is the call scripts and other programs make most, where start-up is most
        // of the cost. ArgumentParser builds its argument sets by reflection and checks for
        // completion-script requests, which took most of such a run's own time (measured with
        // perf), so a command line that is only global options and `-c` is read by hand; every
        // other one, help and every usage error included, goes through the full parser.
        if let (settings, statements) = QuickStatements.parse(Array(CommandLine.arguments.dropFirst())) {
            do {
                let session = try settings.openSession(origin: "-c")
                try Script.run(SourceFile(name: "<-c>", text: statements), session: session, settings: settings)
                Foundation.exit(0)
            } catch let code as ExitCode {
                Foundation.exit(code.rawValue)
            } catch {
                Output.error("coso: internal error: \(error)")
                Foundation.exit(70)
            }
        }
        // Every other command line: ArgumentParser, its help and usage errors in the chosen language.
        let arguments = Array(CommandLine.arguments.dropFirst())
        HelpLanguage.choose(from: arguments)
        do {
            var command = try Coso.parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = Coso.exitCode(for: error)
            let message = HelpLanguage.translated(Coso.fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
        Foundation.exit(0)
    }
}

/// What the program was started with: set once by `Coso.main(modules:)`, before any command runs,
/// and read by the commands ArgumentParser makes (which cannot be handed it).
enum Program {
    static let modules = Mutex<[any CosoModule]>([])

    /// The registry of the modules coso was started with.
    static func registry() throws -> Registry { try Registry(modules.withLock { $0 }) }
}

enum QuickStatements {
    /// The global options and the `-c` text, when the command line holds nothing else and every
    /// value is valid; nil sends it to the full parser.
    static func parse(_ arguments: [String]) -> (Settings, String)? {
        var settings = Settings()
        var statements: String?
        var i = 0
        func value() -> String? {
            i += 1
            return i < arguments.count ? arguments[i] : nil
        }
        while i < arguments.count {
            let argument = arguments[i]
            // `--db=FILE` is the same as `--db FILE`.
            var name = argument, inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            switch name {
            case "-c":
                guard statements == nil, inline == nil, let v = value() else { return nil }
                statements = v
            case "--db", "--user", "--lang", "--format", "--set":
                guard let v = inline ?? value() else { return nil }
                switch name {
                case "--db": settings.db = v
                case "--user": settings.user = v
                case "--lang": settings.lang = v
                case "--format": settings.format = v
                default: settings.parameters.append(v)
                }
            case "--bom":
                guard inline == nil else { return nil }
                settings.bom = true
            default:
                return nil
            }
            i += 1
        }
        guard let statements, let valid = try? settings.validated() else { return nil }
        return (valid, statements)
    }
}
