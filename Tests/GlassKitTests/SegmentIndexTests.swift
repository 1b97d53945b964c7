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
