import ArgumentParser
import CosoCore
import CosoScript
import Foundation

/// `coso reorganise 2025 [--mapping FILE] [--dry-run]`: the register carried through the reform
/// of 1/7/2025, the `reorganise` statement of the language run as one audited write.
struct ReorganiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reorganise",
        abstract: "Carry the register through the reform of 1/7/2025 (Tổ chức lại theo cải cách 01/7/2025).",
        discussion: """
            Merges and renames the commune committees as the administrative mapping says (the built-in copy of \
            data/admin-units-2025-mapping.csv, or --mapping FILE with admin-units-2025.csv beside it), carries their \
            organisations, villages, members, positions and open inspections over, ends the district committee \
            (last day 30/6/2025) and places its organisations under the provincial committee. Every change is dated: \
            `orgs asof @2025-06-30` still shows the old structure. --dry-run prints every merger, renaming and count \
            and writes nothing. Exit codes: 0 done, 65 refused (nothing written).
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The reform's year (2025).")
    var year: Int

    @Option(help: ArgumentHelp("The old-to-new commune code file (default: the built-in one).", valueName: "FILE"))
    var mapping: String?

    @Flag(help: "Show what would change; write nothing.")
    var dryRun = false

    func run() throws {
        let settings = options.settings
        let session = try settings.openSession(origin: "reorganise")
        session.dryRun = dryRun
        var statement = "reorganise \(year)"
        if let mapping { statement += " mapping: \"" + mapping.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        try Script.run(SourceFile(name: "<reorganise>", text: statement), session: session, settings: settings)
    }
}
