import CosoCore
import Foundation

/// `begin`, `commit`, `rollback`.
extension Session {
    func transaction(_ word: Name) throws {
        // `coso run --atomic` is one transaction already: a commit inside would land part of the
        // script, a rollback would let the writes after it through.
        if atomic {
            throw Diagnostic("E0605", Label(vi: "không dùng \(word.text) trong coso run --atomic: cả tệp đã là một giao dịch",
                                           en: "no \(word.text) under coso run --atomic: the whole file is one transaction already"),
                             span: word.span, help: Label(vi: "bỏ dòng này, hoặc chạy không có --atomic", en: "remove this line, or run without --atomic"))
        }
        do {
            switch word.text {
            case "begin": try store.begin(user: user, source: origin)
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

    /// Another session holds the register for writing: who, when they left a note, and what to do.
    public static func busy(_ holder: WriteHolder?, span: SourceSpan) -> Diagnostic {
        let who = holder.map { Label(vi: " (\($0.user), \($0.source), từ \($0.since))", en: " (\($0.user), \($0.source), since \($0.since))") }
            ?? Label(vi: "", en: "")
        return Diagnostic("E0604", Label(vi: "sổ đang được một phiên khác giữ để ghi\(who.vi): không ghi gì",
                                         en: "another session holds the register for writing\(who.en): nothing was written"),
                          span: span, help: Label(vi: "chờ phiên đó commit hoặc rollback rồi chạy lại", en: "wait for it to commit or roll back, then run again"))
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
