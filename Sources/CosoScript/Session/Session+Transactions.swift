import CosoCore
import Foundation

/// `begin`, `commit`, `rollback`.
extension Session {
    func transaction(_ word: Name) throws {
        do {
            switch word.text {
            case "begin": try store.begin()
            case "commit": try store.commit()
            default: try store.rollback()
            }
        } catch StoreError.transaction {
            let open = store.inTransaction
            throw Diagnostic("E0602", open ? Label(vi: "đã có một giao dịch đang mở", en: "a transaction is already open")
                                           : Label(vi: "không có giao dịch nào đang mở", en: "no transaction is open"),
                             span: word.span, help: open ? Label(vi: "commit hoặc rollback trước", en: "commit or rollback first")
                                                         : Label(vi: "mở bằng begin", en: "open one with begin"))
        }
    }

    static func transactionMessage(_ word: String, _ language: Language) -> String {
        switch (word, language) {
        case ("begin", .vi): return "Đã mở giao dịch: các thay đổi chỉ được ghi khi commit."
        case ("begin", .en): return "Transaction open: changes are kept only on commit."
        case ("commit", .vi): return "Đã ghi các thay đổi."
        case ("commit", .en): return "Changes committed."
        case (_, .vi): return "Đã hủy các thay đổi từ lúc begin."
        default: return "Changes since begin rolled back."
        }
    }
}
