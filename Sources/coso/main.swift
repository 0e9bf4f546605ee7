import ArgumentParser
import CosoCore
import Foundation

// `coso -c '...'` is the call scripts and other programs make most, where start-up is most of the
// cost. Building the whole command tree (subcommands, completion-script checks) took about a third
// of such a run (measured with perf), so an invocation that is only global options and `-c` parses
// just those options; every other command line, help and usage errors included, goes through
// the full parser.
if let (options, statements) = QuickStatements.parse(Array(CommandLine.arguments.dropFirst())) {
    do {
        let session = try options.openSession(origin: "-c")
        try Script.run(SourceFile(name: "<-c>", text: statements), session: session, options: options)
        exit(0)
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        Output.error("coso: internal error: \(error)")
        exit(70)
    }
}
Coso.main()

enum QuickStatements {
    /// The global options and the `-c` text, when the command line holds nothing else.
    static func parse(_ arguments: [String]) -> (GlobalOptions, String)? {
        guard let c = arguments.firstIndex(of: "-c"), c + 1 < arguments.count else { return nil }
        var rest = arguments
        let statements = rest.remove(at: c + 1)
        rest.remove(at: c)
        // Anything that is not an option (a subcommand, a stray word) or asks for help takes the full path.
        if rest.contains(where: { ["-h", "--help", "--version", "-c"].contains($0) }) { return nil }
        var i = 0
        while i < rest.count {
            guard rest[i].hasPrefix("--") else { return nil }
            i += rest[i] == "--bom" ? 1 : 2
        }
        guard let options = try? GlobalOptions.parse(rest) else { return nil }
        return (options, statements)
    }
}
