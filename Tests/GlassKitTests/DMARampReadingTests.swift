import Foundation
import Testing
@testable import GlassKit

/// Three kinds of DMA temperature ramp were read wrongly (Tests/Fixtures/dma-ramps, README.md
/// there): a one-frequency ramp whose temperature is written to 1 K or 0.5 K kept only the first
/// row of each plateau (1,899 of 2,000 rows dropped); a ramp whose plateaus are one sweep long,
/// and one whose two frequencies take unequal times, were read as isotherms. Each is one scan per
/// frequency holding every row; their stepped counterparts stay isotherms. The expected values
/// are the files' own, read here by splitting their lines.
@Suite struct DMARampReadingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dma-ramps")

    /// The file's rows, each its fields as numbers (CSV: after the names row; Eplexor: after the
    /// names and units rows, split on spaces).
    static func rows(_ name: String) throws -> [[Double]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let eplexor = name.hasSuffix(".txt")
        return lines.dropFirst(eplexor ? 2 : 1).map { line in
            (eplexor ? line.split(separator: " ") : line.split(separator: ",")).map { Double($0)! }
        }
    }

    /// Column of time, temperature (K), frequency, E′, E″, tan δ in a row of either layout.
    struct Row {
        var time, kelvin, hz, storage, loss, tan: Double
        init(_ r: [Double], eplexor: Bool) {
            if eplexor { (time, kelvin, hz, storage, loss, tan) = (r[2], r[1] + 273.15, r[3], r[4], r[5], r[6]) }
            else { (time, kelvin, hz, storage, loss, tan) = (r[0], r[1], r[2], r[3], r[4], r[5]) }
        }
    }

    static func table(_ name: String) throws -> [Row] {
        try rows(name).map { Row($0, eplexor: name.hasSuffix(".txt")) }
    }

    func read(_ name: String) throws -> [Dataset] {
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        return try FormatDetector.read(bytes: bytes, path: name).flatMap { try ScanSplitter.datasets($0) }
    }

    /// Each frequency of the file one scan (ascending), holding every row of that frequency with
    /// its written temperature and its moduli.
    func expectScans(_ name: String, frequencies: [Double], rowsEach: Int) throws {
        let parts = try read(name), file = try Self.table(name)
        #expect(parts.count == frequencies.count, "\(name): \(parts.map(\.path)) \(parts.first?.warnings ?? [])")
        guard parts.count == frequencies.count else { return }
        for (d, f) in zip(parts, frequencies) {
            let own = file.filter { $0.hz == f }
            #expect(own.count == rowsEach)
            #expect(d.kind == .dmaTScan && d.frequencyHz == f)
            #expect(d.temperatureKValues == own.map(\.kelvin), "\(d.path): \(d.temperatureKValues.count) of \(own.count) rows; \(d.warnings)")
            #expect(d.storageMPa == own.map(\.storage))
            #expect(d.lossMPa == own.map(\.loss))
            #expect(d.tanDelta == own.map(\.tan))
        }
    }

    /// 1. One frequency written to 1 K: 2000 rows, 101 temperatures (300–400 K), all kept.
    @Test func oneFrequencyAtOneKelvinKeepsEveryRow() throws {
        let file = try Self.table("ramp-1hz-1K.csv")
        #expect(file.count == 2000 && Set(file.map(\.kelvin)).count == 101)
        try expectScans("ramp-1hz-1K.csv", frequencies: [1], rowsEach: 2000)
        let d = try read("ramp-1hz-1K.csv")[0]
        #expect(d.temperatureKValues.first == 300 && d.temperatureKValues.last == 400)
        #expect(d.warnings.contains { $0.contains("temperature written to 1 K: 1899 row(s) on a plateau") }, "\(d.warnings)")
        #expect(!d.warnings.contains { $0.contains("did not rise") })
    }

    /// 1b. The Eplexor layout, °C to 0.5 K: 1200 rows, all kept at their written temperature + 273.15.
    @Test func oneFrequencyEplexorAtHalfAKelvinKeepsEveryRow() throws {
        try expectScans("ramp-1hz-0.5C-eplexor.txt", frequencies: [1], rowsEach: 1200)
    }

    /// 2. Plateaus exactly one sweep long (1 K, 3 frequencies): with the time column's steady
    /// pace, one scan per frequency (60 rows each), not 60 isotherms; the stepped counterpart
    /// (120 s soak between holds 1 K apart) stays 30 isotherms at 300…329 K.
    @Test func plateausOneSweepLongAreARamp() throws {
        try expectScans("ramp-3f-one-sweep-1K.csv", frequencies: [1, 10, 100], rowsEach: 60)
        try expectScans("ramp-3f-one-sweep-1C-eplexor.txt", frequencies: [1, 10, 100], rowsEach: 60)
        let held = try read("steps-3f-1K.csv")
        #expect(held.count == 30 && held.allSatisfy { $0.kind == .dmaFSweep && $0.frequencyHzValues == [1, 10, 100] })
        #expect(held.map { $0.temperatureK ?? 0 } == (0..<30).map { 300 + Double($0) })
    }

    /// 3. Two frequencies whose points take 8 s and 2 s: one scan each (120 rows); the stepped
    /// counterpart (5 K steps, 0.02 K creep, 300 s soak) stays 12 isotherms.
    @Test func unequalPointTimesAreARamp() throws {
        try expectScans("ramp-2f-unequal.csv", frequencies: [1, 10], rowsEach: 120)
        let held = try read("steps-2f-unequal.csv"), file = try Self.table("steps-2f-unequal.csv")
        #expect(held.count == 12 && held.allSatisfy { $0.kind == .dmaFSweep && $0.frequencyHzValues == [1, 10] })
        for (k, d) in held.enumerated() {
            let pair = file[(2 * k)...(2 * k + 1)].map(\.kelvin)
            #expect(d.temperatureK == (pair[0] + pair[1]) / 2)
            #expect(d.lossMPa == file[(2 * k)...(2 * k + 1)].map(\.loss))
        }
    }

    /// The real Eplexor TTS sweeps (T0 … T105) written as one file with a time column that runs on
    /// (each sweep's own `t` plus the end of the one before and a 10 s soak: a short one): the
    /// temperature falls within each sweep while it rises 5 K between them, so the 22 sweeps stay
    /// 22 isotherms, each at the mean of its file's `Ts` (read here from the files).
    @Test func realSteppedSweepsWithARunningTimeStayIsotherms() throws {
        var text = "Temperature (°C),Time (s),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa)\n"
        var means: [Double] = [], offset = 0.0
        for n in stride(from: 0, through: 105, by: 5) {
            let raw = try Data(contentsOf: try SharedDMAData.url("dma-tts/eplexor-ascii/T\(n).txt"))
            let rows = String(decoding: raw, as: UTF8.self).split(separator: "\n").dropFirst(2)
                .map { $0.split(separator: " ") }.filter { $0.first.map { Int($0) != nil } ?? false }
            // Index, Ts, t, f, …, E′ (11th), E″ (12th).
            let ts = rows.map { Double($0[1])! }, t = rows.map { Double($0[2])! }
            for r in rows { text += "\(r[1]),\(Double(r[2])! + offset),\(r[3]),\(r[10]),\(r[11])\n" }
            means.append(ts.reduce(0, +) / Double(ts.count) + 273.15)
            offset += t[t.count - 1] + 10
        }
        let parts = try FormatDetector.read(bytes: Array(text.utf8), path: "tts.csv").flatMap { try ScanSplitter.datasets($0) }
        #expect(parts.count == 22 && parts.allSatisfy { $0.kind == .dmaFSweep }, "\(parts.count) parts: \(parts.first?.warnings ?? [])")
        for (d, m) in zip(parts, means) { #expect(abs((d.temperatureK ?? 0) - m) < 1e-9, "\(d.path)") }
    }

    /// The stated kind still decides: `dma-fsweep` reads the one-sweep ramp as 60 isotherms.
    @Test func statedKindStillDecides() throws {
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent("ramp-3f-one-sweep-1K.csv")))
        let tables = try FormatDetector.read(bytes: bytes, path: "r.csv")
        let parts = try ScanSplitter.datasets(tables, overrides: ["kind": MetadataEntry("dma-fsweep", line: 0)])
        #expect(parts.count == 60 && parts.allSatisfy { $0.kind == .dmaFSweep })
    }

    /// The rule on its own: within-sweep rate against the rate between sweeps (a column read
    /// finely), moves no longer than the rows within the plateaus (a coarse one).
    @Test func theTimingRule() {
        // A ramp through 2 frequencies, 8 s and 2 s: 0.4 K then 0.1 K a row at 0.05 K/s.
        let t = [300.4, 300.5, 300.9, 301.0, 301.4, 301.5], time = [8.0, 10, 18, 20, 28, 30]
        let groups = [[0, 1], [2, 3], [4, 5]]
        #expect(SteadyRamp.holds(groups, t, time: time, coarse: false, glitch: []))
        // Held: no rise within the sweeps.
        #expect(!SteadyRamp.holds(groups, [300, 300, 305, 305, 310, 310], time: time, coarse: false, glitch: []))
        // Coarse: plateaus one sweep long, moves 5 s as the rows within (a ramp) or 125 s (a soak).
        let c = [300.0, 300, 300, 301, 301, 301, 302, 302, 302], g3 = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
        #expect(SteadyRamp.holds(g3, c, time: (1...9).map { 5 * Double($0) }, coarse: true, glitch: []))
        #expect(!SteadyRamp.holds(g3, c, time: [5, 10, 15, 140, 145, 150, 275, 280, 285], coarse: true, glitch: []))
        // A time column that restarts at each step tells nothing.
        #expect(!SteadyRamp.holds(g3, c, time: [5, 10, 15, 5, 10, 15, 5, 10, 15], coarse: true, glitch: []))
    }
}
