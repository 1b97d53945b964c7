import Foundation
import Testing
@testable import GlassKit

/// Issue 11's import path: the line table, the block-parallel column parser and the one-pass
/// number parser give exactly what the simple definitions give.
@Suite struct FastImportTests {
    /// Lines by the definition: split at LF, a CR before the LF dropped, no empty last line after a final LF.
    func referenceLines(_ text: [UInt8]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var start = 0
        for (i, b) in text.enumerated() where b == 0x0A {
            out.append((start, i > start && text[i - 1] == 0x0D ? i - 1 : i))
            start = i + 1
        }
        // The last line, without an LF: a CR ending it dropped as before an LF (a lone CR: an empty line).
        if start < text.count { out.append((start, text.last == 0x0D ? text.count - 1 : text.count)) }
        return out
    }

    @Test(arguments: ["", "a", "a\n", "a\r\n", "\n\n", "a\r\nb\rc\n\r\nlast", "x\r", "\r\n", "one\ntwo\r\n\nthree\r"])
    func lineTableMatchesTheDefinition(_ s: String) {
        let bytes = Array(s.utf8)
        let lines = TextLines(bytes)
        let ref = referenceLines(bytes)
        #expect(lines.count == ref.count, "\(s.debugDescription)")
        for (i, r) in ref.enumerated() where i < lines.count {
            #expect(lines.starts[i] == r.0 && lines.ends[i] == r.1, "\(s.debugDescription) line \(i)")
        }
    }

    /// Texts of every length up to 70 bytes, LFs anywhere in a word (the line table reads 8 bytes
    /// at a time), next to bytes one away from LF (0x0B, 0x09, 0x8A) and CRs.
    @Test func lineTableMatchesTheDefinitionOnRandomTexts() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state >> 33 }
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0D, 0x0B, 0x09, 0x8A, 0x0A ^ 0x80, 0x61, 0x30, 0x2C, 0x00, 0xFF]
        var mismatches = 0
        for trial in 0..<4000 {
            let n = trial % 71
            let bytes = (0..<n).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            let lines = TextLines(bytes)
            let ref = referenceLines(bytes)
            if lines.count != ref.count || zip(0..<lines.count, ref).contains(where: { lines.starts[$0] != $1.0 || lines.ends[$0] != $1.1 }) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    func table(rows: Int, bad: [Int: String] = [:]) throws -> RawTable {
        var text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
        text.reserveCapacity(rows * 24)
        for i in 0..<rows {
            text += bad[i] ?? String(format: "%.6f,%.9g", 300 + Double(i) * 1e-4, sin(Double(i)) * 1e-3)
            text += i % 3 == 0 ? "\r\n" : "\n"
        }
        let t = try FormatDetector.read(bytes: Array(text.utf8), path: "big.csv")
        return try #require(t.first)
    }

    @Test func blocksInParallelGiveTheSequentialValues() throws {
        let rows = TableReader.parallelRows + 12_345   // above the threshold: parsed in blocks
        let t = try table(rows: rows)
        let (values, lines) = try TableReader.columns(t, [0, 1])
        #expect(values.count == 2 && values[0].count == rows && values[1].count == rows && lines.count == rows)
        // Every value as strtod reads the text written, every line number as written (header on line 3).
        var mismatches = 0
        for i in 0..<rows {
            let a = String(format: "%.6f", 300 + Double(i) * 1e-4), b = String(format: "%.9g", sin(Double(i)) * 1e-3)
            if values[0][i].bitPattern != strtod(a, nil).bitPattern || values[1][i].bitPattern != strtod(b, nil).bitPattern || lines[i] != i + 4 {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test func theFirstErrorInLineOrderIsThrown() throws {
        let rows = TableReader.parallelRows + 1_000
        // Errors in the last block and in the first: the first one (data row 10 = line 14) is reported.
        let t = try table(rows: rows, bad: [rows - 5: "1,2,3", 10: "301,abc"])
        #expect(throws: GlassError.self) { try TableReader.columns(t, [0, 1]) }
        do {
            _ = try TableReader.columns(t, [0, 1])
        } catch let e as GlassError {
            #expect(e.description.contains("big.csv:14:"), "\(e.description)")
            #expect(e.description.contains("'abc'"), "\(e.description)")
        }
        // Only the last block's error: that one.
        let u = try table(rows: rows, bad: [rows - 5: "1,2,3"])
        do {
            _ = try TableReader.columns(u, [0, 1])
            Issue.record("no error")
        } catch let e as GlassError {
            #expect(e.description.contains("big.csv:\(rows - 5 + 4):"), "\(e.description)")
        }
    }

    @Test func decimalCommaIsBitIdenticalToStrtodOfThePointForm() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let v = Double.random(in: -1e4...1e4, using: &rng) * pow(10, Double(Int.random(in: -9...4, using: &rng)))
            for f in ["%.6f", "%.9e", "%.15g", "%.17g"] {
                let s = String(format: f, v)
                let comma = Array(s.replacingOccurrences(of: ".", with: ",").utf8)
                let r = comma.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, comma.count, decimalComma: true) }
                #expect((try? r.get())?.bitPattern == strtod(s, nil).bitPattern, "\(s)")
            }
        }
    }
}
