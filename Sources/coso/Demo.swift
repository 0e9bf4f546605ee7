import ArgumentParser
import CosoCore
import CosoDemo
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build a demo database.", subcommands: [District.self])

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
