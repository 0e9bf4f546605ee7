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
        abstract: L("Viết báo cáo: annual (báo cáo năm, đầy đủ) hoặc targets (chỉ tiêu), dạng HTML (--html) hoặc Markdown (--markdown, hoặc ra màn hình).", "Write a report: annual (everything) or targets, as HTML (--html) or Markdown (--markdown, or standard output)."),
        discussion: L("""
            Không ghi năm: năm mà nhiều chỉ tiêu có số liệu gần nhất. --for giới hạn ở một tổ chức và các tổ chức trực thuộc.
            Tệp HTML không cần mạng: kiểu trình bày và biểu đồ SVG ở ngay trong tệp; in khổ A4 từ trình duyệt bất kỳ.
            """, """
            Without a year: the year most targets were last recorded in. --for limits it to an organisation and what is under it.
            The HTML file needs no network: styles and SVG charts are inside it; print it on A4 from any browser.
            """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("annual hoặc targets.", "annual or targets.", value: "LOẠI", "kind"))
    var kind: String

    @Argument(help: L("Năm (mặc định: năm mà nhiều chỉ tiêu có số liệu gần nhất).", "The year (default: the year most targets were last recorded in).", value: "NĂM", "year"))
    var year: Int?

    @Option(name: .customLong("for"), help: L("Một tổ chức (tên hoặc mã): báo cáo cho tổ chức đó và các tổ chức trực thuộc.", "An organisation (its name or id): the report covers it and what is under it.", value: "TỔ_CHỨC", "ORG"))
    var org: String?

    @Option(name: .long, help: L("Ghi HTML vào tệp này.", "Write HTML to this file.", value: "TỆP", "FILE"))
    var html: String?

    @Option(name: .long, help: L("Ghi Markdown vào tệp này.", "Write Markdown to this file.", value: "TỆP", "FILE"))
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
            // A second connection reads half of the report's queries on the other core.
            report = try ReportBuilder(session: session, helper: try? session.reader()).build(kind, year: year, org: org)
        } catch let e as SourceError {
            Output.error(DiagnosticRenderer.render(e, language: options.language))
            throw ExitCode(65)
        }
        let outputs = [(html, HTMLReport.render(report)), (markdown, MarkdownReport.render(report))].compactMap { path, text in path.map { ($0, text) } }
        if outputs.isEmpty { print(MarkdownReport.render(report), terminator: ""); return }
        for (path, text) in outputs {
            try DocumentOutput.atomically(text, to: path, vi: vi, done: vi ? "Đã ghi báo cáo vào \(path)." : "Wrote the report to \(path).")
        }
    }
}
