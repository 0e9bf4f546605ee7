import ArgumentParser
import CosoCore
import Foundation

/// `coso backup FILE`: a consistent copy of the live register.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup",
        abstract: L("Sao lưu sổ: một bản sao nhất quán, trong khi người khác vẫn dùng được.", "Copy the register, consistently, while others may use it (Sao lưu sổ)."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("Tệp bản sao (chưa được có).", "The copy to make (must not exist).", value: "TỆP", "file"))
    var file: String

    func run() throws {
        let settings = options.settings
        let vi = settings.language == .vi
        let session = try settings.openSession(origin: "backup")
        try Output.storeErrors(settings.language) { try session.store.backup(to: file) }
        print(vi ? "Đã sao lưu \(session.store.path) vào \(file)." : "Backed up \(session.store.path) to \(file).")
    }
}

/// `coso restore FILE`: a backup put back in place of the register, after checking it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore",
        abstract: L("Khôi phục sổ từ bản sao lưu, sau khi kiểm tra bản sao.", "Put a backup back as the register, after checking it (Khôi phục từ bản sao lưu)."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("Bản sao lưu cần khôi phục.", "The backup to restore.", value: "TỆP", "file"))
    var file: String

    func run() throws {
        let settings = options.settings
        let vi = settings.language == .vi
        let target = settings.databasePath
        let kept = try Output.storeErrors(settings.language) { try Store.restore(from: file, to: target) }
        // Opened once as a register: an older backup is brought to this version's form.
        _ = try settings.openSession(origin: "restore")
        print(vi ? "Đã khôi phục \(target) từ \(file)." + (kept.map { " Sổ trước đó được giữ ở \($0)." } ?? "")
                 : "Restored \(target) from \(file)." + (kept.map { " The register it replaced is kept at \($0)." } ?? ""))
    }
}

/// `coso verify`: SQLite's integrity checks of the register (and its audit trail's digest chain).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify",
        abstract: L("Kiểm tra toàn vẹn sổ: đủ, không hỏng, không bị sửa ngoài coso.", "Check that the register is whole and was not changed behind coso's back (Kiểm tra toàn vẹn sổ)."))

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: L("Mã đầu chuỗi đã ghi lại trước đây, dạng LẦN:MÃ_BĂM (đủ 20 chữ số hex đầu; bỏ qua dấu cách): chuỗi phải vẫn chứa nó.", "A head written down earlier, as ENTRY:DIGEST (the first 20 hex digits are enough; spaces ignored): the chain must still hold it.", value: "LẦN:MÃ_BĂM", "ENTRY:DIGEST"))
    var head: String?

    @Flag(help: L("Kiểm tra nhanh của SQLite (mọi trang và bản ghi, không đối chiếu từng chỉ mục với bảng): mất khoảng một phần tư thời gian. Mặc định khi sổ lớn hơn 1 GB.", "SQLite's quick check (every page and record, not each index against its table): a quarter of the time. The default above 1 GB."))
    var quick = false

    @Flag(help: L("Kiểm tra đầy đủ của SQLite, đối chiếu cả từng chỉ mục với bảng, với mọi cỡ sổ (mặc định khi sổ đến 1 GB).", "SQLite's full integrity check, each index against its table too, whatever the register's size (the default up to 1 GB)."))
    var full = false

    @Flag(help: L("Đếm lại các bảng tổng hợp (rollup_...) từ dữ liệu trước khi kiểm tra, khi verify báo chúng lệch.", "Recount the rollups (rollup_...) from the rows before checking, when verify found them wrong."))
    var recount = false

    /// Registers larger than this get the quick check unless --full: the full one takes 4 minutes
    /// for the country's 6.9 GB (bench/RESULTS.md), where the rest of verify takes one.
    static let quickAbove: Int64 = 1 << 30

    func run() throws {
        let settings = options.settings
        let vi = settings.language == .vi
        let session = try settings.openSession(origin: "verify")
        let size = (try? FileManager.default.attributesOfItem(atPath: session.store.path)[.size] as? Int64) ?? 0
        let quick = quick || (!full && size > VerifyCommand.quickAbove)
        if recount {
            let n = try Output.storeErrors(settings.language) { try session.store.recountRollups() }
            print(vi ? "Đã đếm lại \(n) bảng tổng hợp." : "Recounted \(n) rollups.")
        }
        let (problems, audit) = try Output.storeErrors(settings.language) { try session.store.verify(quick: quick) }
        guard problems.isEmpty, var report = audit else {
            for p in problems.prefix(50) { Output.error("coso verify: " + p) }
            Output.error(vi ? "coso: tệp \(session.store.path) bị hỏng (\(problems.count) lỗi): khôi phục bản sao lưu gần nhất (coso restore)"
                            : "coso: \(session.store.path) is damaged (\(problems.count) problems): restore the latest backup (coso restore)")
            throw ExitCode(74)
        }
        if let head { try Output.storeErrors(settings.language) { try check(head, &report, session.store) } }
        for p in report.problems.prefix(100) { Output.error("coso verify: " + p.message.text(settings.language)) }
        if report.problems.count > 100 { Output.error(vi ? "coso verify: (và \(report.problems.count - 100) nữa)" : "coso verify: (and \(report.problems.count - 100) more)") }
        if quick {
            print(vi ? "Tệp toàn vẹn (kiểm tra nhanh của SQLite: không có lỗi trang, bản ghi hay tham chiếu; chỉ mục chưa đối chiếu với bảng: --full)."
                     : "The file is whole (SQLite's quick check: no damaged page, record or reference; indexes not compared with their tables: --full).")
        } else {
            print(vi ? "Tệp toàn vẹn (SQLite không thấy lỗi trang, chỉ mục hay tham chiếu nào)." : "The file is whole (SQLite finds no damaged page, index or reference).")
        }
        let older = report.unchained > 0
            ? (vi ? "; \(report.unchained) mục và \(report.uncoveredRows) dòng nhập hàng loạt có trước chuỗi mã băm (chỉ được bảo đảm từ nay)."
                  : "; \(report.unchained) entries and \(report.uncoveredRows) bulk-inserted rows older than the digest chain (covered from now on only).")
            : "."
        print((vi ? "Nhật ký: \(report.entries) mục, \(report.rows) dòng dữ liệu đối chiếu" : "Audit trail: \(report.entries) entries, \(report.rows) rows compared")
              + (vi ? ", \(report.rollups) bảng tổng hợp đếm lại" : ", \(report.rollups) rollups recounted") + older)
        if let head = report.head {
            let grouped = stride(from: 0, to: head.digest.count, by: 4).map { String(head.digest.dropFirst($0).prefix(4)) }.joined(separator: " ")
            print(vi ? "Mốc nhật ký (ghi lại vào báo cáo): mục \(head.id), \(head.at), \(grouped)"
                     : "Audit head (write it in your report): entry \(head.id), \(head.at), \(grouped)")
        }
        guard report.problems.isEmpty else {
            Output.error(vi ? "coso: \(report.problems.count) chỗ sổ đã bị sửa ngoài coso (xem trên); khôi phục bản sao lưu trước đó và tìm xem ai đã sửa tệp"
                            : "coso: \(report.problems.count) changes made outside coso (above); restore an earlier backup and find who edited the file")
            throw ExitCode(65)
        }
        print(vi ? "Không có thay đổi nào ngoài coso." : "No change was made outside coso.")
    }
}

extension VerifyCommand {
    /// `--head 1234:5b71 6f82 2da8 0105 e724`: the entry's digest now must begin with the digits
    /// written down; otherwise the chain was rewritten since (or the head is not of this register).
    func check(_ written: String, _ report: inout AuditVerifier.Report, _ store: Store) throws {
        let parts = written.split(separator: ":", maxSplits: 1)
        let digits = parts.count == 2 ? parts[1].filter { !$0.isWhitespace }.lowercased() : ""
        guard parts.count == 2, let entry = Int64(parts[0].trimmingCharacters(in: .whitespaces)), digits.count >= 20,
              digits.allSatisfy({ $0.isHexDigit }) else {
            throw ValidationError("--head needs ENTRY:DIGEST, the digest's first 20 hex digits at least (as verify printed it)")
        }
        let stored = try store.scalar("SELECT digest FROM audit_digests WHERE audit_id = ?", [.int(entry)]).textValue
        guard let stored, stored.hasPrefix(digits) else {
            report.problems.append(AuditVerifier.Problem(message: Label(
                vi: "mốc đã ghi (mục \(entry)) không còn trong chuỗi: nhật ký đến mục đó đã bị viết lại, hoặc mốc không phải của sổ này",
                en: "the head written down (entry \(entry)) is no longer in the chain: the trail up to it was rewritten, or the head is not this register's")))
            return
        }
    }
}

