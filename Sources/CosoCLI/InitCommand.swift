import ArgumentParser
import CosoCore
import Foundation

/// `coso init FILE`: makes a new, empty register (every other command opens only a register that
/// exists, so that a mistyped `--db` never makes one).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: L("Tạo sổ mới, trống.", "Make a new, empty register (Tạo sổ mới, trống)."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: L("Tệp của sổ mới (mặc định: --db, $COSO_DB, rồi thư mục dữ liệu XDG).", "The new register's file (default: --db, $COSO_DB, then the XDG data directory).", value: "TỆP", "file"))
    var file: String?

    func run() throws {
        var settings = options.settings
        if let file { settings.db = file }
        let path = settings.databasePath
        let vi = settings.language == .vi
        if FileManager.default.fileExists(atPath: path) {
            Output.error(vi ? "coso: đã có tệp \(path): không ghi đè; chọn tên khác" : "coso: \(path) exists already: not overwritten; choose another name")
            throw ExitCode(73)
        }
        let session = try settings.openSession(origin: "init", create: true)
        print(vi ? "Đã tạo sổ mới, trống: \(session.store.path)" : "Made a new, empty register: \(session.store.path)")
    }
}
