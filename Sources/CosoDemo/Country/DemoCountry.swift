import CosoCore
import Foundation

/// The country demo: the 63 provinces, 696 districts and 10,035 communes of Viet Nam before
/// 1/7/2025 (data/admin-units-legacy.csv), each commune with its village cells and agency cells,
/// each district and province with its grassroots committees and cells: about 52,000 grassroots
/// organisations and 5.5 million members with their events from admission, ratings 2018-2022,
/// secretaries, villages and inspection programmes, to the plan's date. Deterministic by seed.
///
/// Built for speed without cutting what is stored: one thread makes the rows of one district at
/// a time while the caller's thread writes the previous one through prepared inserts; the
/// secondary indexes are built once at the end; CHECK constraints are trusted (rows are valid by
/// construction, and the tests build with them in force). Memory stays at a few districts' rows.
public struct DemoCountry: Sendable {
    public let seed: UInt64
    /// Only the first N provinces, and in each only the first `districtLimit` districts (tests).
    public let provinceLimit: Int?
    public let districtLimit: Int?
    /// Evaluate the tables' CHECK constraints on every row (the tests do; slower at country size).
    public let checked: Bool

    public init(seed: UInt64 = 1, provinceLimit: Int? = nil, districtLimit: Int? = nil, checked: Bool = false) {
        self.seed = seed; self.provinceLimit = provinceLimit; self.districtLimit = districtLimit; self.checked = checked
    }

    /// Builds into an empty store; `progress(done, total)` counts districts and provincial agencies.
    public func build(into store: Store, user: String, progress: ((Int, Int) -> Void)? = nil) throws -> DemoDistrict.Summary {
        try DemoError.requireEmpty(store)
        let provinces = Array(CountryProvince.all().prefix(provinceLimit ?? .max)).map { p -> CountryProvince in
            var p = p
            p.districts = Array(p.districts.prefix(districtLimit ?? .max))
            return p
        }
        let total = provinces.reduce(0) { $0 + $1.districts.count + 1 }
        let channel = BatchChannel(capacity: 3)
        let seed = self.seed
        let producer = Thread {
            var generator = CountryGenerator(seed: seed)
            outer: for p in provinces {
                let province = generator.province(p)
                for d in p.districts {
                    generator.district(code: d.code, name: d.name, wards: d.wards, province: province)
                    guard channel.put(.rows(CountryWriter.encode(generator.take()))) else { break outer }
                }
                generator.provincialAgencies(p, province: province)
                guard channel.put(.rows(CountryWriter.encode(generator.take()))) else { break outer }
            }
            channel.put(.done(generator.summary))
        }
        producer.stackSize = 16 << 20
        producer.start()
        defer { channel.cancel() }

        let origin = WriteOrigin(user: user, statement: "coso demo country --seed \(seed)", source: "demo")
        return try store.load(origin) { tx in
            let load = {
                try tx.withoutIndexes(on: CountryWriter.entities, keeping: CountryWriter.liveIndexes) { () throws -> DemoDistrict.Summary in
                    let writer = try CountryWriter(tx)
                    var done = 0
                    while true {
                        switch channel.take() {
                        case .rows(let batch):
                            try writer.write(batch)
                            done += 1
                            progress?(done, total)
                        case .done(let summary):
                            return summary
                        }
                    }
                }
            }
            return try checked ? load() : tx.trustingChecks(load)
        }
    }
}

/// A bounded hand-over between the generating thread and the writing one.
final class BatchChannel: @unchecked Sendable {
    enum Item { case rows([BulkRows]), done(DemoDistrict.Summary) }
    private let condition = NSCondition()
    private var items: [Item] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Waits while the channel is full; false once the reader has given up.
    @discardableResult
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
