import ArgumentParser
import CosoCore
import CosoDemo
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build a demo database.", subcommands: [District.self, Province.self])

    struct Province: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A merged-province-like demo: Lâm Đồng with the 29 districts of the three provinces merged in 2025 (about 120,000 members).")

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: "Seed: the same seed gives the same database.")
        var seed: UInt64 = 1

        @Option(name: .long, help: "Only the first N districts (a smaller province).")
        var districts: Int?

        func run() throws {
            let settings = options.settings
            let session = try settings.openSession(origin: "demo")
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
            abstract: "A district modelled on Di Linh at the date of its plan (22/12/2022): 183 village cells, 97 with a committee.")

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: "Seed: the same seed gives the same database.")
        var seed: UInt64 = 1

        func run() throws {
            let session = try options.settings.openSession(origin: "demo")
            let started = Date()
            do {
                let s = try DemoDistrict(seed: seed).build(into: session.store, user: session.user)
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                print(options.language == .vi
                      ? "Đã tạo huyện mẫu trong \(session.store.path): \(s.organisations) tổ chức, \(s.villageCells) chi bộ thôn/tổ dân phố (\(s.villageCellsWithCommittee) có chi ủy), \(s.members) đảng viên (\(seconds) giây)."
                      : "Built the demo district in \(session.store.path): \(s.organisations) organisations, \(s.villageCells) village cells (\(s.villageCellsWithCommittee) with a committee), \(s.members) members (\(seconds) s).")
            } catch let e as DemoError {
                Output.error("coso: \(e)")
                throw ExitCode(65)
            }
        }
    }
}
