import ArgumentParser
import CosoCore
import CosoReport
import CosoScript
import Foundation

/// `coso print member|transfer|badges|fees ...`: the documents an office prints, as one A4 HTML
/// page (to a file with --html, else on standard output), and as PDF with --pdf where Chromium
/// is installed.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: L("In tài liệu: phiếu đảng viên, giấy giới thiệu sinh hoạt đảng, danh sách đề nghị tặng huy hiệu, sổ thu nộp đảng phí (trang HTML khổ A4, PDF với --pdf).", "Print a document: a member's record, a transfer letter, the badges due, a cell's fee ledger (A4 HTML, PDF with --pdf)."),
        subcommands: [PrintMember.self, PrintTransfer.self, PrintBadges.self, PrintFees.self])
}

/// Where a document goes: --html FILE, --pdf FILE (Chromium), or standard output.
struct DocumentOutput: ParsableArguments {
    @Option(name: .long, help: L("Ghi trang HTML vào tệp này.", "Write the HTML page to this file.", value: "TỆP", "FILE"))
    var html: String?

    @Option(name: .long, help: L("Ghi PDF (khổ A4) vào tệp này, in bằng Chromium.", "Write a PDF (A4) to this file, printed by Chromium.", value: "TỆP", "FILE"))
    var pdf: String?

    func write(_ page: String, vi: Bool) throws {
        if html == nil && pdf == nil { print(page, terminator: ""); return }
        if let html { try DocumentOutput.atomically(page, to: html, vi: vi) }
        if let pdf {
            let source = html ?? (pdf + ".html")
            if html == nil { try DocumentOutput.atomically(page, to: source, vi: vi) }
            defer { if html == nil { unlink(source) } }
            try DocumentOutput.printPDF(source, to: pdf, vi: vi)
        }
    }

    /// Written beside, then moved: a reader never sees half a page.
    static func atomically(_ text: String, to path: String, vi: Bool, done: String? = nil) throws {
        let partial = path + ".partial"
        do {
            try text.write(toFile: partial, atomically: false, encoding: .utf8)
            guard rename(partial, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            Output.error(vi ? "coso: không ghi được \(path)" : "coso: cannot write \(path)")
            throw ExitCode(73)
        }
        Output.error(done ?? (vi ? "Đã ghi \(path)." : "Wrote \(path)."))
    }

    /// Headless Chromium prints the page on A4 (the page's own `@page` rule), with no header or
    /// footer of its own and no network.
    static func printPDF(_ html: String, to pdf: String, vi: Bool) throws {
        let browser = ["chromium", "chromium-browser", "google-chrome"].first { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
            }
        }
        guard let browser else {
            Output.error(vi ? "coso: cần Chromium để in PDF (apt-get install chromium); trang HTML dùng --html" : "coso: printing a PDF needs Chromium (apt-get install chromium); use --html for the page")
            throw ExitCode(69)
        }
        let url = URL(fileURLWithPath: html).absoluteString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                             "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
            Output.error(vi ? "coso: Chromium không in được \(pdf)" : "coso: Chromium could not print \(pdf)")
            throw ExitCode(73)
        }
        Output.error(vi ? "Đã in \(pdf)." : "Printed \(pdf).")
    }
}

/// Runs a document's builder: an ordinary mistake (no such member, no transfer) is a data error
/// (65) with what to do, never an internal one.
private func document(_ options: GlobalOptions, _ build: (Documents) throws -> String) throws -> String {
    let session = try options.settings.openSession(origin: "print")
    do {
        return try build(Documents(session: session))
    } catch let p as Documents.Problem {
        Output.error("coso: \(p.message.text(options.language))")
        throw ExitCode(65)
    } catch let d as Diagnostic {
        Output.error("coso: \(options.language == .vi ? "lỗi" : "error")[\(d.code)]: \(d.message.text(options.language))")
        throw ExitCode(65)
    } catch let e as SourceError {
        Output.error(DiagnosticRenderer.render(e, language: options.language))
        throw ExitCode(65)
    }
}

struct PrintMember: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "member", abstract: L("Phiếu đảng viên (2-HSĐV): lý lịch, quá trình sinh hoạt đảng, chức vụ, bồi dưỡng, xếp loại, khen thưởng, kỷ luật.", "A member's record (2-HSĐV): identity, party history, positions, training, ratings, awards, disciplines."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var output: DocumentOutput
    @Argument(help: L("Mã đảng viên.", "The member's id.", value: "MÃ", "id")) var id: Int64
    func run() throws { try output.write(try document(options) { try $0.memberRecord(id) }, vi: options.language == .vi) }
}

struct PrintTransfer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: L("Giấy giới thiệu cho lần chuyển sinh hoạt đi đã ghi, kèm hạn nộp theo R10.", "The transfer letter for a member's recorded transfer out, with R10's deadline."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var output: DocumentOutput
    @Argument(help: L("Mã đảng viên.", "The member's id.", value: "MÃ", "id")) var id: Int64
    func run() throws { try output.write(try document(options) { try $0.transferLetter(id) }, vi: options.language == .vi) }
}

struct PrintBadges: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badges", abstract: L("Danh sách đảng viên đến mốc tặng huy hiệu Đảng trong năm (R24), theo từng mốc.", "The members due a party badge in a year (R24), by badge."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var output: DocumentOutput
    @Argument(help: L("Năm.", "The year.", value: "NĂM", "year")) var year: Int
    func run() throws { try output.write(try document(options) { try $0.badges(year) }, vi: options.language == .vi) }
}

struct PrintFees: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fees", abstract: L("Sổ thu, nộp đảng phí của chi bộ trong một tháng (2026-03) hoặc một quý (2026-Q1), kèm phần trích giữ lại ở từng cấp.", "A cell's party-fee ledger for a month (2026-03) or a quarter (2026-Q1), with the shares each level keeps."))
    @OptionGroup var options: GlobalOptions
    @OptionGroup var output: DocumentOutput
    @Argument(help: L("Chi bộ (tên hoặc mã).", "The cell (its name or id).", value: "TỔ_CHỨC", "org")) var org: String
    @Argument(help: L("Tháng (2026-03, 03/2026) hoặc quý (2026-Q1, Q1/2026).", "A month (2026-03, 03/2026) or a quarter (2026-Q1, Q1/2026).", value: "KỲ", "period")) var period: String
    func run() throws {
        guard let p = Documents.FeePeriod(period) else {
            Output.error(options.language == .vi ? "coso: '\(period)' không phải một tháng (2026-03) hay một quý (2026-Q1)"
                                                 : "coso: '\(period)' is not a month (2026-03) or a quarter (2026-Q1)")
            throw ExitCode(64)
        }
        let value: Value = Int64(org).map(Value.int) ?? .text(org)
        try output.write(try document(options) { try $0.feeLedger(org: value, period: p) }, vi: options.language == .vi)
    }
}
