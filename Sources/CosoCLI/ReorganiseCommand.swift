import ArgumentParser
import CosoCore
import CosoScript
import Foundation

/// `coso reorganise 2025 [--mapping FILE] [--dry-run]`: the register carried through the reform
/// of 1/7/2025, the `reorganise` statement of the language run as one audited write.
struct ReorganiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reorganise",
        abstract: L("Sắp xếp lại sổ theo cải cách hành chính 01/7/2025.", "Carry the register through the reform of 1/7/2025 (Tổ chức lại theo cải cách 01/7/2025)."),
        discussion: L("""
            Hợp nhất và đổi tên đảng bộ xã theo bảng đối chiếu đơn vị hành chính (bản có sẵn của \
            data/admin-units-2025-mapping.csv, hoặc --mapping TỆP kèm admin-units-2025.csv cùng thư mục), chuyển \
            tổ chức, thôn, đảng viên, chức vụ và các cuộc kiểm tra đang làm sang đơn vị mới, kết thúc đảng bộ huyện \
            (ngày cuối 30/6/2025) và đặt các tổ chức của huyện dưới tỉnh ủy. Mọi thay đổi đều có ngày: \
            orgs asof @2025-06-30 vẫn cho thấy cơ cấu cũ. --dry-run in mọi việc hợp nhất, đổi tên, số lượng \
            và không ghi gì. Mã thoát: 0 xong, 65 không thực hiện (không ghi gì).
            """, """
            Merges and renames the commune committees as the administrative mapping says (the built-in copy of \
            data/admin-units-2025-mapping.csv, or --mapping FILE with admin-units-2025.csv beside it), carries their \
            organisations, villages, members, positions and open inspections over, ends the district committee \
            (last day 30/6/2025) and places its organisations under the provincial committee. Every change is dated: \
            `orgs asof @2025-06-30` still shows the old structure. --dry-run prints every merger, renaming and count \
            and writes nothing. Exit codes: 0 done, 65 refused (nothing written).
            """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("Năm cải cách (2025).", "The reform's year (2025).", value: "NĂM", "year"))
    var year: Int

    @Option(help: L("Tệp đối chiếu mã xã cũ sang mới (mặc định: bản có sẵn).", "The old-to-new commune code file (default: the built-in one).", value: "TỆP", "FILE"))
    var mapping: String?

    @Flag(help: L("Cho xem những gì sẽ thay đổi; không ghi gì.", "Show what would change; write nothing."))
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
