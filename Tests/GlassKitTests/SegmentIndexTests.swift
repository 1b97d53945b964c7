import XCTest
@testable import GlassKit

/// Issue 7 class 5: segment numbers from a data column or a header are checked before they
/// become an Int (1e19 once trapped): an error naming the file and line.
final class SegmentIndexTests: XCTestCase {
    func build(_ text: String) throws -> Dataset {
        let tables = try FormatDetector.read(bytes: Array(text.utf8), path: "run.csv")
        return try DatasetBuilder.build(tables[0])
    }

    static func file(segments: [String], header: String = "") -> String {
        var s = "# kind: dsc\n# heating_rate: 20 K/min\n" + header + "T/K,W/(W/g),Segment\n"
        for (k, seg) in segments.enumerated() { s += "\(400 + k),0.1,\(seg)\n" }
        return s
    }

    func testSegmentColumnValuesMustBeSegmentNumbers() {
        for (bad, row) in [("1e19", 3), ("-1e19", 0), ("9.3e18", 5), ("2.5", 2), ("-1", 7), ("4294967296", 1)] {
            var segs = Array(repeating: "1", count: 10)
            segs[row] = bad
            XCTAssertThrowsError(try build(Self.file(segments: segs)), bad) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.file, "run.csv", bad)
                XCTAssertEqual(g?.line, 4 + row, "\(bad): the data line, header at line 3")
                XCTAssertTrue(g?.message.contains("segment number") ?? false, "\(bad): \(g?.description ?? "")")
            }
        }
    }

    func testSegmentRequestFromTheHeaderIsChecked() {
        for bad in ["1e19", "1e300", "0", "-2", "1.5", "nan"] {
            XCTAssertThrowsError(try build(Self.file(segments: Array(repeating: "1", count: 10), header: "# segment: \(bad)\n")), bad) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.line, 3, bad)
                XCTAssertTrue(g?.message.contains("segment number") ?? false, "\(bad): \(g?.description ?? "")")
            }
        }
    }

    /// The largest accepted number and segment 0 still work; the asked-for segment is the one kept.
    func testValidSegmentNumbersStillSelect() throws {
        let segs = Array(repeating: "0", count: 5) + Array(repeating: "2147483647", count: 6)
        let d = try build(Self.file(segments: segs, header: "# segment: 2147483647\n"))
        XCTAssertEqual(d.temperatureKValues, (405...410).map { Double($0) })
    }
}

/// Values that overflow on conversion to internal units are errors at their line, not infinities.
final class ConvertedValueTests: XCTestCase {
    func testOverflowOnConversionIsAnError() {
        let cases: [(String, Int, String)] = [
            ("# kind: dma-fsweep\n# temperature: 400 K\nf/MHz,E'/MPa,E''/MPa\n1,10,1\n1e303,10,1\n", 5, "Hz"),
            ("# kind: dma-fsweep\n# temperature: 400 K\nf/Hz,E'/GPa,E''/GPa\n1,10,1\n2,1e306,1\n", 5, "MPa"),
            ("# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/GPa,E''/GPa\n400,10,1\n401,10,1e306\n", 5, "MPa"),
            ("# kind: dsc\n# heating_rate: 20 K/min\n# mass: 1e-310 mg\nT/K,Heat Flow (mW)\n400,1\n401,1\n", 5, "W/g"),
        ]
        for (text, line, unit) in cases {
            XCTAssertThrowsError(try DatasetBuilder.build(try FormatDetector.read(bytes: Array(text.utf8), path: "x.csv")[0]), text) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.line, line, g?.description ?? "")
                XCTAssertTrue(g?.message.contains("beyond the range of a double in \(unit)") ?? false, g?.description ?? "")
            }
        }
    }
}
