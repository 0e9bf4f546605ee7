import ArgumentParser
import CosoCore
import CosoScript
import CosoSpreadsheet
import Foundation

/// `coso import ENTITY FILE.csv`: all or nothing, every bad row reported with its line and column.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: L("Nhập dữ liệu từ tệp CSV (UTF-8, có dòng tiêu đề) hoặc bảng tính Excel (.xlsx, trang đầu): kiểm tra từng dòng, ghi tất cả hoặc không ghi gì.", "Import rows from a CSV file (UTF-8, with a header) or an Excel workbook (.xlsx, its first sheet): every row checked, all or nothing."),
        discussion: L("""
            Tiêu đề cột là tên trường hoặc nhãn tiếng Việt, tiếng Anh của trường (.schema BẢNG liệt kê); --map đổi tên
            các cột khác. Ngày dạng 2024-05-19 hoặc 19/05/2024; giá trị danh mục theo mã hoặc nhãn; tham chiếu theo mã hoặc tên.
            Mã thoát: 0 đã nhập (hoặc, với --dry-run, sẽ nhập được), 65 tệp có lỗi: không ghi gì.
            """, """
            Headers are field names or their Vietnamese or English labels (.schema ENTITY lists them); --map renames
            others. Dates as 2024-05-19 or 19/05/2024; enum values by identifier or label; references by id or name.
            Exit codes: 0 imported (or, with --dry-run, would import), 65 the file has problems: nothing was written.
            """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("Bảng nhận dữ liệu (xem danh sách: coso modules).", "The entity to import into (`coso modules` lists them).", value: "BẢNG", "entity"))
    var entity: String

    @Argument(help: L("Tệp CSV hoặc .xlsx.", "The CSV or .xlsx file.", value: "TỆP", "file"))
    var file: String

    @Flag(name: .long, help: L("Kiểm tra mọi dòng và báo lỗi, không ghi gì.", "Check every row and report, but write nothing."))
    var dryRun = false

    @Flag(name: .long, help: L("Tạo sổ mới nếu tệp --db chưa có.", "Make the register if the --db file does not exist yet."))
    var create = false

    @Option(name: .long, help: L("Đổi tên cột, như \"Họ tên=name,Chi bộ=org\".", "Header renames, as \"Họ tên=name,Chi bộ=org\".", value: "ĐỔI_TÊN", "MAP"))
    var map: String?

    func run() throws {
        let settings = options.settings
        let vi = settings.language == .vi
        let session = try settings.openSession(origin: "import", create: create)
        guard let target = session.catalog.entity(entity), !target.readOnly, target.dated?.always != true else {
            Output.error(vi ? "coso: không nhập được vào '\(entity)'" : "coso: cannot import into '\(entity)'")
            throw ExitCode(64)
        }
        var importer = Importer(store: session.store, entity: target)
        importer.dryRun = dryRun
        for pair in (map ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { importer.mapping[parts[0]] = parts[1] }
        }
        let bar = ProgressBar(enabled: isatty(2) != 0)
        importer.progress = { done, total in bar.show(done, total) }
        // Every row read and checked: writing the last rows, building indexes and committing can
        // take a while for a large file.
        importer.writing = { bar.note(vi ? "đang ghi vào cơ sở dữ liệu…" : "writing to the database…") }
        let origin = WriteOrigin(user: session.user, statement: "coso import \(entity) \(file)", source: "import:\(file)")
        let report: ImportReport
        // A workbook's first sheet, or a CSV file.
        var rows: (any ImportRows)?
        if file.lowercased().hasSuffix(".xlsx"), FileManager.default.fileExists(atPath: file) {
            do { rows = try XLSXReader(path: file) } catch {
                Output.error("\(file): \(vi ? "lỗi" : "error")[E0407]: \(error.message.text(settings.language))")
                throw ExitCode(65)
            }
        }
        do {
            report = try rows.map { try importer.run($0, origin: origin) } ?? importer.run(path: file, origin: origin)
        } catch StoreError.busy(let holder) {
            // Another session holds the register: who, and what to do (exit 75: try again later).
            bar.finish()
            let d = Session.busy(holder, span: SourceSpan(0, 0))
            Output.error("\(file): \(vi ? "lỗi" : "error")[\(d.code)]: \(d.message.text(settings.language)); \(d.help?.text(settings.language) ?? "")")
            throw ExitCode(75)
        } catch let e as StoreError where e.diagnosticCode != nil {
            // The register's file (read-only, damaged, the disk full), not the imported one.
            bar.finish()
            Output.error("coso: \(vi ? "lỗi" : "error")[\(e.diagnosticCode!)]: " + e.message(settings.language))
            throw ExitCode(e.exitCode)
        }
        bar.finish()
        for p in report.problems {
            let column = p.column.map { vi ? " (cột \($0))" : " (column \($0))" } ?? ""
            // (What the file holds is shown, never obeyed: a control character as its picture.)
            // A spreadsheet's cell as `file.xlsx:Trang1!C5`, a CSV file's line as `file.csv:5`.
            let at = rows?.position(line: p.line, columnIndex: p.columnIndex) ?? String(p.line)
            Output.error(TextSafety.visible("\(file):\(at): \(vi ? "lỗi" : "error")[\(p.code)]\(column): \(p.message.text(settings.language))"))
        }
        if !report.problems.isEmpty {
            let limited = report.problems.count >= Importer.problemLimit
            Output.error(vi ? "\(report.problems.count)\(limited ? "+" : "") lỗi trong \(report.rows) dòng đã đọc: không ghi dòng nào."
                            : "\(report.problems.count)\(limited ? "+" : "") problems in \(report.rows) rows read: nothing was written.")
            throw ExitCode(65)
        }
        print(dryRun ? (vi ? "Kiểm tra xong \(report.rows) dòng: không có lỗi (chưa ghi vì --dry-run)."
                           : "Checked \(report.rows) rows: no problems (nothing written: --dry-run).")
                     : (vi ? "Đã nhập \(report.written) dòng vào \(entity)." : "Imported \(report.written) rows into \(entity)."))
    }
}

/// A one-line progress bar on standard error, only on a terminal.
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    private var last = -1
    init(enabled: Bool) { self.enabled = enabled }

    func show(_ done: Int64, _ total: Int64) {
        guard enabled, total > 0 else { return }
        let percent = Int(done * 100 / total)
        guard percent != last else { return }
        last = percent
        FileHandle.standardError.write(line(percent).data(using: .utf8)!)
    }

    /// The bar as it stands, followed by what is happening now.
    func note(_ text: String) {
        guard enabled, last >= 0 else { return }
        FileHandle.standardError.write((line(last) + " " + text).data(using: .utf8)!)
    }

    private func line(_ percent: Int) -> String {
        let width = 30, filled = width * percent / 100
        return "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(percent)%"
    }

    func finish() {
        guard enabled, last >= 0 else { return }
        FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!)
    }
}
