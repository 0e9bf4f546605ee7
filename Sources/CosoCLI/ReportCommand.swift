import ArgumentParser
import CosoCore
import CosoReport
import CosoScript
import Foundation

/// `coso report annual 2022 --html FILE`: the committee's yearly report (targets, trends,
/// ratings, the organisations pulling targets down, statistics) as one self-contained HTML
/// file for the screen and A4 paper, or as Markdown.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report: annual (everything) or targets, as HTML (--html) or Markdown (--markdown, or standard output).",
        discussion: """
            Without a year: the year most targets were last recorded in. --for limits it to an organisation and what is under it.
            The HTML file needs no network: styles and SVG charts are inside it; print it on A4 from any browser.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "annual or targets.")
    var kind: String

    @Argument(help: "The year (default: the year most targets were last recorded in).")
    var year: Int?

    @Option(name: .customLong("for"), help: ArgumentHelp("An organisation (its name or id): the report covers it and what is under it.", valueName: "ORG"))
    var org: String?

    @Option(name: .long, help: ArgumentHelp("Write HTML to this file.", valueName: "FILE"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Write Markdown to this file.", valueName: "FILE"))
    var markdown: String?

    func run() throws {
        let vi = options.language == .vi
        guard let kind = ReportBuilder.Kind(rawValue: kind) else {
            Output.error(vi ? "coso: không có báo cáo '\(self.kind)'; có: annual, targets" : "coso: no report '\(self.kind)'; there are: annual, targets")
            throw ExitCode(64)
        }
        let session = try options.settings.openSession(origin: "report")
        let report: Report
        do {
            report = try ReportBuilder(session: session).build(kind, year: year, org: org)
        } catch let e as SourceError {
            Output.error(DiagnosticRenderer.render(e, language: options.language))
            throw ExitCode(65)
        }
        let outputs = [(html, HTMLReport.render(report)), (markdown, MarkdownReport.render(report))].compactMap { path, text in path.map { ($0, text) } }
        if outputs.isEmpty { print(MarkdownReport.render(report), terminator: ""); return }
        for (path, text) in outputs {
            // Written beside, then moved: a reader never sees half a report.
            let partial = path + ".partial"
            do {
                try text.write(toFile: partial, atomically: false, encoding: .utf8)
                guard rename(partial, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                Output.error(vi ? "coso: không ghi được \(path)" : "coso: cannot write \(path)")
                throw ExitCode(73)
            }
            Output.error(vi ? "Đã ghi báo cáo vào \(path)." : "Wrote the report to \(path).")
        }
    }
}
