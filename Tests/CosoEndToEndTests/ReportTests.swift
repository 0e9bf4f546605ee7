import Foundation
import CosoCore
import Testing

/// `coso report`: one self-contained HTML file that opens offline, shows a chart for each rating
/// year and prints on A4, rendered by headless Chromium (Debian's chromium package) the way a
/// person would open it; and the same report as Markdown.
@Suite struct ReportTests {
    static let report: (dir: String, html: String, text: String) = {
        let dir = try! Coso.scratchDirectory()
        let html = dir + "/bao-cao-2022.html"
        let r = try! Coso.run(["report", "annual", "2022", "--db", Coso.sharedDemo, "--html", html])
        precondition(r.status == 0, "coso report failed: \(r.stderr)")
        return (dir, html, (try? String(contentsOfFile: html, encoding: .utf8)) ?? "")
    }()

    @Test func theHTMLIsSelfContainedAndHasAChartForEachRatingYear() throws {
        let text = Self.report.text
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains(#"<meta charset="utf-8">"#))
        // Nothing to fetch: no script, no link, no external image or font.
        for outside in ["http://", "https://", "<script", "<link", "<img", "@import", "url("] {
            #expect(!text.contains(outside), "\(outside)")
        }
        for year in 2018...2022 {
            #expect(text.contains("<figcaption>Xếp loại đảng viên năm \(year)</figcaption><svg"), "\(year)")
        }
        #expect(text.contains("@page { size: A4"))
        // The targets table, with the plan's own figure and its status.
        #expect(text.contains("<td>97 / 183 = 53,0%</td>"))
        #expect(text.contains(#"<td class="status unmet">chưa đạt</td>"#))
        // Trends and the weakest organisations are charts too.
        #expect(text.components(separatedBy: "<svg class=\"chart trend\"").count > 5)
        #expect(text.contains("Đảng bộ xã còn thiếu nhiều chi bộ thôn có chi ủy nhất (T10)"))
    }

    @Test func chromiumRendersItAndPrintsItOnA4() throws {
        let url = "file://" + Self.report.html
        let png = Self.report.dir + "/report.png", pdf = Self.report.dir + "/report.pdf"
        // No network for the browser either: a proxy that does not exist.
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--proxy-server=127.0.0.1:9"]
        let shot = try Coso.shell("chromium", common + ["--window-size=1000,2000", "--screenshot=\(png)", url])
        #expect(shot.status == 0, "\(shot.stderr)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16-23.
        let size = { (at: Int) in image[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(size(16) == 1000 && size(20) == 2000)
        // A page of text, tables and charts compresses far worse than a blank one (~10 KB).
        #expect(image.count > 100_000)
        let printed = try Coso.shell("chromium", common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", url])
        #expect(printed.status == 0, "\(printed.stderr)")
        let document = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        #expect(document.hasPrefix("%PDF"))
        // A4 is 595 x 842 points; the report takes several pages.
        let boxes = document.components(separatedBy: "/MediaBox [0 0 594.9").count - 1
        #expect(boxes >= 3)
        #expect(!document.contains("/MediaBox [0 0 612"))
    }

    @Test func markdownOnStandardOutputAndErrorsThatSayWhat() throws {
        let md = try Coso.run(["report", "targets", "--db", Coso.sharedDemo])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Báo cáo chỉ tiêu năm 2022\n"))
        #expect(md.stdout.contains("| T10 | Chi bộ thôn, tổ dân phố có chi ủy | 97 / 183 = 53,0% | > 65% | đến 2030 | chưa đạt | 0,0 điểm % |"))
        let part = try Coso.run(["report", "targets", "--db", Coso.sharedDemo, "--for", "Đảng bộ xã Gia Hiệp", "--lang", "en"])
        #expect(part.status == 0, "\(part.stderr)")
        #expect(part.stdout.contains("Đảng bộ xã Gia Hiệp · figures as of 2022-12-31"))
        let unknown = try Coso.run(["report", "annual", "--db", Coso.sharedDemo, "--for", "Xã Không Có"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("E0805"))
        let kind = try Coso.run(["report", "weekly", "--db", Coso.sharedDemo])
        #expect(kind.status == 64)
    }

    /// Tables read as Vietnamese (dd/mm/yyyy, 53,0%, 5.444.700, audit times in Viet Nam's time);
    /// English keeps ISO dates and points; CSV and JSON keep the stored form.
    @Test func outputReadsAsVietnamese() throws {
        let db = Coso.sharedDemo
        let vi = try Coso.run(["--db", db, "-c", "targets 2022"])
        #expect(vi.stdout.contains("97 / 183 = 53,0%"), "\(vi.stdout)")
        let en = try Coso.run(["--db", db, "--lang", "en", "-c", "targets 2022"])
        #expect(en.stdout.contains("97 / 183 = 53.0%"))
        let born = try Coso.run(["--db", db, "--format", "csv", "-c", "members | sort id | first | select born"])
        let iso = CSV.parse(born.stdout)[1][0]
        let parts = iso.split(separator: "-")
        let table = try Coso.run(["--db", db, "-c", "members | sort id | first | select born"])
        #expect(table.stdout.contains("\(parts[2])/\(parts[1])/\(parts[0])"), "\(table.stdout)")
        let stats = try Coso.run(["--db", db, "-c", "stats theory 2022"])
        #expect(stats.stdout.contains("49,6"))
        // The forms' age bands, the Party's wording of no religion; English keeps its own.
        let ages = try Coso.run(["--db", db, "-c", "stats age 2022"]).stdout
        #expect(ages.contains("Từ 18 đến 30 tuổi") && ages.contains("Trên 70 tuổi"))
        #expect(try Coso.run(["--db", db, "--lang", "en", "-c", "stats age 2022"]).stdout.contains("≤ 30"))
        #expect(try Coso.run(["--db", db, "-c", "stats religion 2022"]).stdout.contains("Không theo tôn giáo"))
        let csv = try Coso.run(["--db", db, "--format", "csv", "-c", "stats theory 2022"])
        #expect(csv.stdout.contains("49.6") && csv.stdout.contains("elementary"))
        let at = try Coso.run(["--db", db, "--format", "csv", "-c", "audit | first | select at"])
        let stored = CSV.parse(at.stdout)[1][0]
        let shown = try Coso.run(["--db", db, "-c", "audit | first | select at"])
        #expect(shown.stdout.contains(DisplayFormat.instant(stored, .vi)!), "\(shown.stdout)")
    }

    /// Each trend gives, year by year, what `targets YEAR` gives (the report reads two years from
    /// each `targets`: the year and its `previous`).
    @Test func trendsAreEachYearsTargets() throws {
        let md = try Coso.run(["report", "annual", "2022", "--db", Coso.sharedDemo])
        #expect(md.status == 0, "\(md.stderr)")
        var values: [String: [String]] = [:]
        for year in 2018...2022 {
            let t = try Coso.run(["--db", Coso.sharedDemo, "--format", "csv", "-c", "targets \(year) | select code, value"])
            for row in CSV.parse(t.stdout).dropFirst() { values[row[0], default: []].append(row[1]) }
        }
        let lines = md.stdout.components(separatedBy: "\n")
        var charts = 0
        for (i, line) in lines.enumerated() where line.hasPrefix("### T") && line.contains(" · ") {
            let code = String(line.dropFirst(4).prefix { $0 != " " })
            let cells = lines[i + 4].split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let expected = (values[code] ?? []).map { $0.isEmpty ? "" : String(Double($0)!).replacingOccurrences(of: ".0", with: "") }
            // The report writes 12,7 (Vietnamese), CSV 12.7.
            #expect(cells.map { $0.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: ".0", with: "") } == expected, "\(code)")
            charts += 1
        }
        #expect(charts >= 5)
    }

    /// A year without a target's records has no point on its trend (never a 0): T2 and T4 have
    /// records for 2022 only on the demo, so no line; T5b has five years of ratings.
    @Test func aYearWithoutRecordsDrawsNoPoint() throws {
        let html = try Coso.scratchDirectory() + "/r.html"
        let r = try Coso.run(["report", "annual", "2022", "--db", Coso.sharedDemo, "--html", html])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("aria-label=\"T2 · "))
        #expect(!page.contains("aria-label=\"T4 · "))
        #expect(page.contains("aria-label=\"T5b · "))
    }
}
