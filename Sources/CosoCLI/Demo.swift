import ArgumentParser
import CosoCore
import CosoDemo
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: L("Tạo cơ sở dữ liệu mẫu.", "Build a demo database."), subcommands: [District.self, Province.self, Country.self])

    struct Country: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Cả nước trước 01/7/2025: 63 tỉnh, 696 huyện, 10.035 xã, khoảng 5,5 triệu đảng viên.", "The whole country before 1/7/2025: 63 provinces, 696 districts, 10,035 communes, about 5.5 million members."),
            discussion: L("Tạo vào TỆP.partial rồi đổi tên thành TỆP khi xong: bị ngắt giữa chừng thì không để lại cơ sở dữ liệu dở dang.", "Builds into FILE.partial and renames it to FILE when done: an interrupted build leaves no half-made database."))

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: L("Hạt giống ngẫu nhiên: cùng hạt giống cho cùng cơ sở dữ liệu.", "Seed: the same seed gives the same database.", value: "SỐ", "seed"))
        var seed: UInt64 = 1

        @Option(name: .long, help: L("Chỉ N tỉnh đầu (một nước nhỏ hơn).", "Only the first N provinces (a smaller country).", value: "SỐ_TỈNH", "provinces"))
        var provinces: Int?

        @Option(name: .long, help: L("Chỉ N huyện đầu của mỗi tỉnh.", "Only the first N districts of each province.", value: "SỐ_HUYỆN", "districts"))
        var districts: Int?

        func run() throws {
            let settings = options.settings
            let target = settings.databasePath
            let vi = settings.language == .vi
            if let size = (try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? Int, size > 0 {
                Output.error(vi ? "coso: \(target) đã có; dữ liệu mẫu cả nước chỉ tạo vào một tệp mới (xoá tệp hoặc chọn --db khác)"
                                : "coso: \(target) exists; the country demo is built only into a new file (remove it or choose another --db)")
                throw ExitCode(65)
            }
            let partial = target + ".partial"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            let started = Date()
            let bar = ProgressBar(enabled: isatty(2) != 0)
            let summary: DemoDistrict.Summary
            do {
                let session = try settings.openSession(origin: "demo", path: partial, loading: true, create: true)
                summary = try DemoCountry(seed: seed, provinceLimit: provinces, districtLimit: districts)
                    .build(into: session.store, user: session.user) { done, total in bar.show(Int64(done), Int64(total)) }
                bar.finish()
                try session.store.finishLoading()
            } catch {
                bar.finish()
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
                Output.error("coso: \(error)")
                throw ExitCode(70)
            }
            // The session (and its connection) is closed here: the file is complete and in WAL mode.
            try FileManager.default.moveItem(atPath: partial, toPath: target)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            print(vi
                  ? "Đã tạo dữ liệu mẫu cả nước trong \(target): \(summary.organisations) tổ chức, \(summary.villageCells) chi bộ thôn/tổ dân phố (\(summary.villageCellsWithCommittee) có chi ủy), \(summary.members) đảng viên (\(seconds) giây)."
                  : "Built the country demo in \(target): \(summary.organisations) organisations, \(summary.villageCells) village cells (\(summary.villageCellsWithCommittee) with a committee), \(summary.members) members (\(seconds) s).")
        }
    }

    struct Province: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Mẫu một tỉnh sau sáp nhập: Lâm Đồng với 29 huyện của ba tỉnh hợp nhất năm 2025 (khoảng 120.000 đảng viên).", "A merged-province-like demo: Lâm Đồng with the 29 districts of the three provinces merged in 2025 (about 120,000 members)."))

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: L("Hạt giống ngẫu nhiên: cùng hạt giống cho cùng cơ sở dữ liệu.", "Seed: the same seed gives the same database.", value: "SỐ", "seed"))
        var seed: UInt64 = 1

        @Option(name: .long, help: L("Chỉ N huyện đầu (một tỉnh nhỏ hơn).", "Only the first N districts (a smaller province).", value: "SỐ_HUYỆN", "districts"))
        var districts: Int?

        func run() throws {
            let settings = options.settings
            let session = try settings.openSession(origin: "demo", create: true)
            let started = Date()
            let bar = ProgressBar(enabled: isatty(2) != 0)
            do {
                let s = try DemoProvince(seed: seed, districtLimit: districts).build(into: session.store, user: session.user) { done, total in
                    bar.show(Int64(done), Int64(total))
                }
                bar.finish()
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                print(settings.language == .vi
                      ? "Đã tạo tỉnh mẫu trong \(session.store.path): \(s.organisations) tổ chức, \(s.villageCells) chi bộ thôn/tổ dân phố (\(s.villageCellsWithCommittee) có chi ủy), \(s.members) đảng viên (\(seconds) giây)."
                      : "Built the demo province in \(session.store.path): \(s.organisations) organisations, \(s.villageCells) village cells (\(s.villageCellsWithCommittee) with a committee), \(s.members) members (\(seconds) s).")
            } catch let e as DemoError {
                bar.finish()
                Output.error("coso: \(e)")
                throw ExitCode(65)
            }
        }
    }

    struct District: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Một huyện theo mẫu Di Linh tại ngày ra kế hoạch (22/12/2022): 183 chi bộ thôn, 97 chi bộ có chi ủy.", "A district modelled on Di Linh at the date of its plan (22/12/2022): 183 village cells, 97 with a committee."))

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: L("Hạt giống ngẫu nhiên: cùng hạt giống cho cùng cơ sở dữ liệu.", "Seed: the same seed gives the same database.", value: "SỐ", "seed"))
        var seed: UInt64 = 1

        @Option(name: .long, help: L("Ghi tiếp cho huyện đến hết năm nay (từ 2023): kết nạp, xếp loại, nhận xét, chương trình kiểm tra mỗi năm, và sắp xếp lại theo cải cách 01/7/2025 từ năm 2025.", "Carry the district on to the end of this year (2023 to this one): admissions, ratings, comments and programmes each year, and the reorganisation of 1/7/2025 from 2025 on.", value: "NĂM", "YEAR"))
        var through: Int?

        func validate() throws {
            if let through, !(2023...LocalDate.today().year).contains(through) {
                throw ValidationError("--through takes a year from 2023 to \(LocalDate.today().year)")
            }
        }

        func run() throws {
            let settings = options.settings
            let session = try settings.openSession(origin: "demo", create: true)
            let started = Date()
            let vi = options.language == .vi
            do {
                let s = try DemoDistrict(seed: seed).build(into: session.store, user: session.user)
                var admitted = 0
                if let through {
                    let until = min(LocalDate(year: through, month: 12, day: 31)!, session.today)
                    admitted += try DemoLaterYears(seed: seed, years: 2023...min(through, 2024), until: until).build(into: session.store, user: session.user)
                    if through >= 2025 {
                        // The reform of 1/7/2025, as an office would carry it out: the statement, audited.
                        try Script.run(SourceFile(name: "<demo>", text: "reorganise 2025"), session: session, settings: settings)
                        admitted += try DemoLaterYears(seed: seed, years: 2025...through, until: until).build(into: session.store, user: session.user)
                    }
                }
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                let later = through.map { vi ? "; tiếp đến hết năm \($0), thêm \(admitted) đảng viên kết nạp" : "; carried on to the end of \($0), \(admitted) more members admitted" } ?? ""
                print(vi
                      ? "Đã tạo huyện mẫu trong \(session.store.path): \(s.organisations) tổ chức, \(s.villageCells) chi bộ thôn/tổ dân phố (\(s.villageCellsWithCommittee) có chi ủy), \(s.members) đảng viên\(later) (\(seconds) giây)."
                      : "Built the demo district in \(session.store.path): \(s.organisations) organisations, \(s.villageCells) village cells (\(s.villageCellsWithCommittee) with a committee), \(s.members) members\(later) (\(seconds) s).")
            } catch let e as DemoError {
                Output.error("coso: \(e)")
                throw ExitCode(65)
            }
        }
    }
}
