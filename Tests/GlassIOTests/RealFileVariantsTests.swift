import Foundation
import GlassIO
import GlassKit
import XCTest

/// The reading rules of issue 7 on the real files: each real file, rewritten in memory the way
/// another lab's software writes it (a synonym heading, a trailer in another code page, a unit
/// left out), reads exactly as the original; and `run = N` through a real study.toml.
final class RealFileVariantsTests: XCTestCase {
    func datasets(_ bytes: [UInt8], _ path: String, overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try FormatDetector.read(bytes: bytes, path: path).map { try DatasetBuilder.build($0, overrides: overrides) }
    }

    func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try SharedData.url(relative)))
    }

    func replacingFirst(_ b: [UInt8], _ old: String, _ new: String) throws -> [UInt8] {
        let o = Array(old.utf8), n = Array(new.utf8)
        for i in 0...(b.count - o.count) where Array(b[i..<(i + o.count)]) == o {
            return Array(b[..<i]) + n + Array(b[(i + o.count)...])
        }
        throw XCTSkip("'\(old)' not in the file")   // never: the strings below are in the files
    }

    func assertSame(_ a: [Dataset], _ b: [Dataset], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x.temperatureKValues, y.temperatureKValues, what, file: file, line: line)
            XCTAssertEqual(x.heatFlowWPerG, y.heatFlowWPerG, what, file: file, line: line)
            XCTAssertEqual(x.frequencyHzValues, y.frequencyHzValues, what, file: file, line: line)
            XCTAssertEqual(x.storageMPa, y.storageMPa, what, file: file, line: line)
            XCTAssertEqual(x.heatingRateKPerMin, y.heatingRateKPerMin, what, file: file, line: line)
            XCTAssertEqual(x.temperatureK, y.temperatureK, what, file: file, line: line)
        }
    }

    /// Class 3: a MaCFP lab's `Heat flux`, and the same file in German and French headings.
    func testMacfpHeatFluxAndOtherLanguages() throws {
        let name = "dsc/macfp/PMMA_NIST_DSC_N2_10K_1.csv"
        let original = try datasets(try bytes(name), "n.csv")
        for header in ["Time,Temperature,Heat flux", "Zeit,Temperatur,Wärmestrom", "Temps,Température,Flux de chaleur",
                       "t,Ts,HF", "Time,Sample Temperature,DSC"] {
            let b = try replacingFirst(try bytes(name), "Time,Temperature,Heat Flow", header)
            assertSame(original, try datasets(b, "n.csv"), header)
        }
    }

    /// Class 3: NETZSCH Proteus in German writes `Zeit/min`; the file reads as the English one
    /// (the time column gives the same hold detection).
    func testNetzschGermanHeading() throws {
        let name = "dsc/netzsch-proteus/A_1.txt"
        let original = try datasets(try bytes(name), "a.txt")
        let b = try replacingFirst(try bytes(name), ";Time/min;", ";Zeit/min;")
        assertSame(original, try datasets(b, "a.txt"), "Zeit/min")
    }

    /// Class 3: the Eplexor trailer `]1[name` with a byte that is not ASCII before it (`£` in
    /// ISO-8859-1, 0xA3), as another export wrote it.
    func testEplexorTrailerWithNonASCIIByte() throws {
        let name = "dma-tts/eplexor-ascii/T0.txt"
        let original = try datasets(try bytes(name), "T0.txt")
        let b = try replacingFirst(try bytes(name), "]1[", "\u{A3}]2[").map { $0 }   // UTF-8 C2 A3: still not ASCII
        assertSame(original, try datasets(b, "T0.txt"), "UTF-8 £")
        var latin = try bytes(name)
        if let i = latin.lastIndex(of: 0x5D) { latin.insert(0xA3, at: i) }   // ISO-8859-1 £ before the last ']'
        assertSame(original, try datasets(latin, "T0.txt"), "ISO-8859-1 £")
    }

    /// Class 4: the TRIOS LIMS export with the `rad/s` of `Angular frequency` left out of its Units
    /// rows reads the same: the name says rad/s.
    func testTriosAngularFrequencyWithoutUnit() throws {
        let name = "dma-tts/trios-lims/hermes_tutorial4_frequency_sweep_tts.txt"
        let original = try datasets(try bytes(name), "h.txt")
        let text = String(decoding: try bytes(name), as: UTF8.self)
        let stripped = text.replacingOccurrences(of: "Units\ts\t°C\trad/s\t", with: "Units\ts\t°C\t\t")
        XCTAssertNotEqual(stripped, text)
        assertSame(original, try datasets(Array(stripped.utf8), "h.txt"), "no unit")
        XCTAssertEqual(original.first?.frequencyHzValues.first ?? 0, 0.1, accuracy: 1e-8)
    }

    /// Class 8: the MaCFP wood file holds two heating runs and no segment column. By default the
    /// run of largest span (the second); `run = 1` in study.toml gives the first.
    func testRunPicksAHeatingRunOfTheWoodFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-run-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let wood = "Wood_UMET_WOOD_TM-DSC_N2_3K_R1.csv"
        try Data(try bytes("dsc/macfp/" + wood)).write(to: dir.appendingPathComponent(wood))
        func load(_ toml: String) throws -> Dataset {
            try toml.write(to: dir.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
            let study = try StudyLoader.load(dir.path)
            guard let d = study.datasets.first else { throw GlassError(file: wood, "no dataset") }
            return d
        }
        let byDefault = try load("")
        // Values read from the file (python: rows 1–341 and 342–722 of the data).
        XCTAssertEqual(byDefault.temperatureKValues.first, 277.23)
        XCTAssertTrue(byDefault.warnings.contains { $0.contains("set `run`") }, byDefault.warnings.joined(separator: "\n"))
        let first = try load("[files.\"\(wood)\"]\nrun = 1\n")
        XCTAssertEqual(first.temperatureKValues.first, 296.85)
        XCTAssertEqual(first.temperatureKValues.last ?? 0, 466.85, accuracy: 0.1)
        XCTAssertTrue(first.warnings.contains { $0.contains("heating run 1 of 2") })
        let second = try load("[files.\"\(wood)\"]\nrun = 2\n")
        XCTAssertEqual(second.temperatureKValues, byDefault.temperatureKValues)
        for bad in ["run = 3", "run = 0", "run = 1e19", "run = 9223372036854775807", "run = \"two\"", "run = 1.5"] {
            XCTAssertThrowsError(try load("[files.\"\(wood)\"]\n\(bad)\n"), bad) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.file, "study.toml", "\(bad): \(e)")
                XCTAssertTrue(g?.description.contains("run") ?? false, "\(bad): \(e)")
                XCTAssertFalse(g?.description.contains("\n") ?? true)
            }
        }
    }

    /// A NETZSCH export without its `#SEG.` lines (the segment column alone): the isothermal
    /// segments 2 (50 °C, 15 min) and 4 (200 °C, 30 min) rise 5.8 K and 3.6 K as the furnace
    /// catches up, at 0.39 and 0.12 K/min against the 5.4 K/min of segment 1 (values read from
    /// the file): holds, not heating segments. Segment 3 is read, as with the program.
    func testNetzschHoldSegmentsWithoutProgram() throws {
        let name = "dsc/netzsch-proteus/A_1.txt"
        let original = try datasets(try bytes(name), "a.txt")
        // On bytes: the file's lines end in CR LF, one Character to String.
        let lines = try bytes(name).split(separator: 0x0A, omittingEmptySubsequences: false)
        let stripped = Array(lines.filter { !$0.starts(with: Array("#SEG.".utf8)) }.joined(separator: [0x0A]))
        XCTAssertEqual(lines.count - 5, stripped.split(separator: 0x0A, omittingEmptySubsequences: false).count)
        let read = try datasets(stripped, "a.txt", overrides: ["heating_rate": MetadataEntry("5 K/min", line: 0)])
        let warnings = read.first?.warnings ?? []
        XCTAssertTrue(warnings.contains("a.txt: 2 heating segments (1, 3); using segment 3 — set `segment` for this file in study.toml to choose"), warnings.joined(separator: "\n"))
        XCTAssertTrue(warnings.contains { $0.hasPrefix("a.txt: 2 segment(s) read as isothermal hold(s), not heating") && $0.contains("segment 2 (") && $0.contains("segment 4 (") },
                      warnings.joined(separator: "\n"))
        XCTAssertEqual(read.first?.temperatureKValues, original.first?.temperatureKValues)
        XCTAssertEqual(read.first?.heatFlowWPerG, original.first?.heatFlowWPerG)
    }
}
