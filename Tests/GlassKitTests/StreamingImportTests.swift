import Foundation
import Testing
@testable import GlassKit

/// Issue 11's streamed import: a large native file parsed piece by piece as it is read gives
/// exactly the datasets and errors of the whole-file import (`FormatDetector` + `DatasetBuilder`),
/// whatever the piece sizes; and the byte-level helpers agree with the string code they replace.
@Suite struct StreamingImportTests {
    /// What an import gave.
    enum Got {
        case datasets([Dataset]), whole([UInt8]), reread, error(String)
    }

    /// The whole-file import: datasets, or the error text.
    func whole(_ bytes: [UInt8], overrides: [String: MetadataEntry] = [:]) -> Got {
        do {
            let tables = try FormatDetector.read(bytes: bytes, path: "f.csv")
            return .datasets(try tables.map { try DatasetBuilder.build($0, overrides: overrides) })
        } catch {
            return .error("\(error)")
        }
    }

    /// The streamed import, the source handing out at most `step` bytes a call; the digested
    /// bytes are collected to check they are the file, in order, each once.
    func streamed(_ bytes: [UInt8], step: Int, chunk: Int, overrides: [String: MetadataEntry] = [:]) -> (Got, [UInt8]) {
        final class Sink: @unchecked Sendable { var bytes: [UInt8] = [] }
        let sink = Sink()
        var at = 0
        do {
            let outcome = try StreamingImport.read(path: "f.csv", overrides: overrides, sizeHint: bytes.count, from: { buf in
                let n = min(step, buf.count, bytes.count - at)
                guard n > 0, let dst = buf.baseAddress else { return 0 }
                bytes.withUnsafeBytes { src in dst.copyMemory(from: src.baseAddress! + at, byteCount: n) }
                at += n
                return n
            }, digest: { sink.bytes.append(contentsOf: $0) }, chunk: chunk)
            switch outcome {
            case .datasets(let d): return (.datasets(d), sink.bytes)
            case .whole(let w): return (.whole(w), sink.bytes)
            case .reread: return (.reread, sink.bytes)
            }
        } catch {
            return (.error("\(error)"), sink.bytes)
        }
    }

    /// A DSC file of `rows` rows, `edit` changing row texts (a row's text, or nil to leave it).
    func file(rows: Int, header: String = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n",
              newline: String = "\n", edit: (Int, String) -> String = { $1 }) -> [UInt8] {
        var text = header
        text.reserveCapacity(rows * 26)
        for i in 0..<rows {
            let t = 300 + Double(i) * 4e-4
            let row = String(format: "%.6f,%.9g", t, 1e-3 * sin(Double(i) * 1e-3) + (t > 400 ? 0.01 : 0))
            text += edit(i, row) + newline
        }
        return Array(text.utf8)
    }

    /// Streams `bytes` with several piece sizes and checks each result against the whole import.
    func expectSame(_ bytes: [UInt8], streams: Bool, overrides: [String: MetadataEntry] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = whole(bytes, overrides: overrides)
        // Pieces of the default size, pieces still cut in halves, and pieces parsed on one core;
        // the source handing out odd amounts.
        for (step, chunk) in [(1 << 20, StreamingImport.chunkBytes), (65_537, 300_007), (4_093, 70_001)] {
            let (result, digested) = streamed(bytes, step: step, chunk: chunk, overrides: overrides)
            switch (result, reference) {
            case (.datasets(let d), .datasets(let r)):
                #expect(streams, "streamed, though expected to be read whole", sourceLocation: sourceLocation)
                #expect(d == r, "step \(step): datasets differ", sourceLocation: sourceLocation)
                #expect(digested == bytes, "step \(step): digested bytes are not the file", sourceLocation: sourceLocation)
            case (.whole(let w), _):
                #expect(!streams, "read whole, though expected to stream", sourceLocation: sourceLocation)
                #expect(w == bytes, "step \(step): the whole bytes are not the file", sourceLocation: sourceLocation)
                #expect(digested.isEmpty, sourceLocation: sourceLocation)
            case (.reread, _):
                #expect(!streams, "handed back for a second read", sourceLocation: sourceLocation)
            case (.error(let e), .error(let r)):
                #expect(e == r, "step \(step): errors differ", sourceLocation: sourceLocation)
            case (.datasets, .error(let r)):
                Issue.record("step \(step): streamed, but the whole import fails: \(r)", sourceLocation: sourceLocation)
            case (.error(let e), _):
                Issue.record("step \(step): streaming fails, the whole import does not: \(e)", sourceLocation: sourceLocation)
            case (.datasets, _):
                Issue.record("step \(step): unexpected reference", sourceLocation: sourceLocation)
            }
        }
    }

    /// Enough rows that the data goes well past the first lines and is cut into halves.
    let rows = 220_000

    @Test func plainFileStreamsToTheSameDataset() {
        expectSame(file(rows: rows), streams: true)
        expectSame(file(rows: rows, newline: "\r\n"), streams: true)
        // No line feed after the last row.
        var b = file(rows: rows)
        b.removeLast()
        expectSame(b, streams: true)
    }

    /// Temperatures written to 0.1 K (250 rows share each), with a small reversal every 10 007
    /// rows: streamed, the points are the whole reading's, each the mean of its rows' heat flows.
    @Test func coarseTemperaturesStreamToTheSameMeans() throws {
        let n = 260_000
        let bytes = file(rows: n) { i, row in
            let f = row.split(separator: ",")
            let t = Double(f[0])! - (i % 10_007 == 5_003 ? 0.3 : 0)
            return String(format: "%.1f,", t) + f[1]
        }
        #expect(bytes.count >= StreamingImport.minimumBytes)
        expectSame(bytes, streams: true)
        guard case .datasets(let d) = whole(bytes), let data = d.first else { Issue.record("not read"); return }
        // The rows as written, walked by the rule: above the point, a new one; at it, its mean; below, dropped.
        var t: [Double] = [], sums: [Double] = [], counts: [Double] = []
        var dropped = 0
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst(3) {
            let f = line.split(separator: ",")
            let (ti, wi) = (Double(f[0])!, Double(f[1])!)
            if let last = t.last, ti < last { dropped += 1 } else if ti == t.last { sums[sums.count - 1] += wi; counts[counts.count - 1] += 1 } else { t.append(ti); sums.append(wi); counts.append(1) }
        }
        #expect(dropped > 20)
        #expect(data.temperatureKValues == t)
        #expect(data.heatFlowWPerG == zip(sums, counts).map { $0 / $1 })
        #expect(data.warnings.contains { $0.contains("\(n - t.count - dropped) repeat the temperature before them") && $0.contains("\(dropped) dropped") }, "\(data.warnings)")
    }

    /// Line ends that change part-way, at many places (in the first lines, inside pieces of every
    /// size, near their ends): a file with a lone CR is read as the whole file decides (CRs end
    /// its lines when lone CRs outnumber its LFs, `TextDecoding.crEndsLines`), the same rows or the
    /// same error at the same line. LF ↔ CR LF changes stream. A streamed LF file whose later
    /// rows end in CR alone was refused (its CR lines read as one row) where the file read whole
    /// was read.
    @Test func lineEndsThatChangePartWayReadAsTheWholeFile() {
        for change in [10, 4_000, 46_117, 130_000, 219_990] {
            func mixed(_ first: String, _ then: String) -> [UInt8] {
                file(rows: rows, newline: "") { i, row in row + (i < change ? first : then) }
            }
            expectSame(mixed("\n", "\r"), streams: false)
            expectSame(mixed("\r\n", "\r"), streams: false)
            expectSame(mixed("\r", "\n"), streams: false)
            expectSame(mixed("\n", "\r\n"), streams: true)
            expectSame(mixed("\r\n", "\n"), streams: true)
        }
        // CRs in the majority: the rows of the LF file; a bad row named at its line counted at the CRs.
        let lf = file(rows: rows)
        let cr = file(rows: rows, newline: "") { i, row in row + (i < 20_000 ? "\n" : "\r") }
        if case .datasets(let a) = whole(cr), case .datasets(let b) = whole(lf) { #expect(a == b) } else { Issue.record("not read") }
        let bad = file(rows: rows, newline: "") { i, row in (i == 150_000 ? "301.5,abc" : row) + (i < 20_000 ? "\n" : "\r") }
        expectSame(bad, streams: false)
        if case .error(let e) = whole(bad) { #expect(e.hasPrefix("f.csv:150004: field 2 (W/(W/g)) is not a number: 'abc'")) } else { Issue.record("read") }
        // One stray CR in an LF file (LFs in the majority): the same error, streamed or not.
        expectSame(file(rows: rows) { i, row in i == 100_000 ? "301.5,\r0.1" : row }, streams: false)
    }

    /// DOS's end-of-file mark (Ctrl-Z, 0x1A) after the last line is no line, streamed or not;
    /// the file's every byte is still hashed.
    @Test func aFinalCtrlZIsNoLine() {
        let plain = file(rows: rows)
        for mark in [[0x1A], [0x1A, 0x1A]] as [[UInt8]] {
            expectSame(plain + mark, streams: true)
            if case .datasets(let d) = whole(plain + mark), case .datasets(let r) = whole(plain) { #expect(d == r) } else { Issue.record("not read") }
        }
    }

    @Test func blankAndCommentLinesKeepTheirLineNumbers() {
        // Blank, spaces-only and comment lines inside both halves of several pieces; a later row
        // falls by more than the tolerance, so the error names a line past them.
        let b = file(rows: rows) { i, row in
            if i % 9_973 == 5 { return "\n   \n# note\n" + row }
            if i == 180_000 { return "300.0,0.001" }
            return row
        }
        expectSame(b, streams: true)
        expectSame(file(rows: rows) { i, row in i % 50_000 == 7 ? "\t\n" + row : row }, streams: true)
    }

    @Test func rowErrorsAreTheWholeImportsErrors() {
        for bad in [5_000, 5_200, 60_001, 150_003, rows - 1] {
            expectSame(file(rows: rows) { i, row in i == bad ? "301.5,abc" : row }, streams: true)
            expectSame(file(rows: rows) { i, row in i == bad ? row + ",7" : row }, streams: true)
            expectSame(file(rows: rows) { i, row in i == bad ? " 1.5e999 , 2" : row }, streams: true)
        }
        // Two errors: the first in line order.
        expectSame(file(rows: rows) { i, row in i == 190_000 ? "x,1" : (i == 120_000 ? "1,2,3" : row) }, streams: true)
    }

    /// Padding (`RowWidth`): rows ending in their separator, some of them more than once or with
    /// spaces, under names that do not; names padded above rows that are not; text past the names
    /// row's fields still an error, at its line. The streamed reading is the whole reading, and the
    /// padded rows' curve is the plain file's.
    @Test func paddedRowsStreamToTheSameDataset() {
        let padded = file(rows: rows) { i, row in row + (i % 3 == 0 ? "," : i % 3 == 1 ? ", ,," : "") }
        expectSame(padded, streams: true)
        let paddedNames = file(rows: rows, header: "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g),,\n")
        expectSame(paddedNames, streams: true)
        guard case .datasets(let plain) = whole(file(rows: rows)), case .datasets(let a) = whole(padded),
              case .datasets(let b) = whole(paddedNames) else {
            Issue.record("the padded files are not read")
            return
        }
        #expect(a.map(\.heatFlowWPerG) == plain.map(\.heatFlowWPerG) && b.map(\.heatFlowWPerG) == plain.map(\.heatFlowWPerG))
        #expect(a.map(\.temperatureKValues) == plain.map(\.temperatureKValues) && b.map(\.temperatureKValues) == plain.map(\.temperatureKValues))
        expectSame(file(rows: rows) { i, row in row + (i == 150_000 ? ",,7" : ",") }, streams: true)
    }

    @Test func unusualFieldsTakeTheGeneralPath() {
        // Spaces around numbers, long mantissas, exponents, signs: values as strtod reads them.
        let b = file(rows: rows) { i, row in
            switch i % 7 {
            case 0: return " " + row.replacingOccurrences(of: ",", with: " ,\t")
            case 1: return row + "123456789"    // more than 15 significant digits
            case 2: return row.replacingOccurrences(of: ",", with: ",+") + "e-0"
            default: return row
            }
        }
        expectSame(b, streams: true)
    }

    @Test func encodingsAndBinaryDataAreDecidedOnTheWholeFile() {
        // A NUL late in the file: the NUL error and its line, even after a bad row.
        var nul = file(rows: rows) { i, row in i == 1_000 ? "1,x" : row }
        nul[nul.count - 3_000] = 0
        expectSame(nul, streams: true)
        // Valid UTF-8 in an unused column late in the file: streamed, same values.
        let utf8 = file(rows: rows, header: "# kind: dsc\nT/K,W/(W/g),note\n") { i, row in row + (i == 200_000 ? ",°C" : ",ok") }
        expectSame(utf8, streams: true)
        // Windows-1252 (invalid UTF-8) late: handed back; the whole import reads it as Windows-1252.
        var cp = file(rows: rows, header: "# kind: dsc\nT/K,W/(W/g),note\n") { i, row in row + ",ok" }
        cp[cp.count - 10] = 0xB0
        expectSame(cp, streams: false)
        // A byte-order mark, another format, a sweep column: read whole.
        expectSame([0xEF, 0xBB, 0xBF] + file(rows: rows), streams: false)
        expectSame(file(rows: rows, header: "Set,T/K,W/(W/g)\n") { _, row in "1," + row }, streams: false)
        expectSame(file(rows: rows, header: "#EXPORTTYPE:DATA ALL\n##Temp./°C;DSC/(mW/mg)\n"), streams: false)
    }

    /// A NUL in the first block (a raw instrument `.dat`, random bytes): refused from that block,
    /// with the whole import's error, the rest not read (300 MB were read and held first). A CR
    /// before the NUL leaves the line count to the whole file, which is read.
    @Test func binaryDataIsRefusedFromTheFirstBlock() {
        var random = LCGBytes(seed: 7)
        var raw = (0..<(5 << 20)).map { _ in random.next() }
        for i in 0..<2_000 where raw[i] == 0x0D { raw[i] = 0x20 }   // no CR before the first NUL
        raw[1_000] = 0
        guard case .error(let reference) = whole(raw) else { Issue.record("random bytes read"); return }
        var read = 0
        do {
            _ = try StreamingImport.read(path: "f.csv", overrides: [:], sizeHint: raw.count, from: { buf in
                let n = min(buf.count, raw.count - read)
                raw.withUnsafeBytes { src in buf.baseAddress!.copyMemory(from: src.baseAddress! + read, byteCount: n) }
                read += n
                return n
            }, digest: { _ in })
            Issue.record("random bytes streamed")
        } catch {
            #expect("\(error)" == reference)
            #expect(reference.hasSuffix("binary data (a NUL byte); expected a text export"))
        }
        #expect(read <= StreamingImport.headBlock, "\(read) bytes read")
        // A CR before the NUL: the whole file is read and decides, as before.
        raw[500] = 0x0D
        expectSame(raw, streams: false)
    }

    /// Deterministic bytes (a linear congruential generator), the same on every run.
    struct LCGBytes {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    /// First lines in Shift_JIS (CP932: `試料` is 8E 8E 97 BF): read whole, as the whole import
    /// decodes them (the stream would take them for Windows-1252).
    @Test func shiftJISFirstLinesAreReadWhole() throws {
        let utf8 = file(rows: rows, header: "# kind: dsc\n# heating_rate: 20 K/min\n# 試料 Vit1\nT/K,W/(W/g)\n")
        let word = Array("試料".utf8)
        let at = try #require((0..<utf8.count).first { utf8[$0..<min($0 + word.count, utf8.count)].elementsEqual(word) })
        var sjis = utf8
        sjis.replaceSubrange(at..<(at + word.count), with: [0x8E, 0x8E, 0x97, 0xBF])
        #expect(try FormatDetector.read(bytes: sjis, path: "f.csv").first?.encoding == .shiftJIS)
        expectSame(sjis, streams: false)
        guard case .datasets(let a) = whole(sjis), case .datasets(let b) = whole(utf8) else { Issue.record("not read"); return }
        #expect(a == b)
    }

    @Test func rowsShorterThanTheFirstOnesAreReadWhole() {
        // Long first rows predict few rows; 200 000 short ones overflow the columns reserved:
        // the file goes to the whole-file path (same dataset).
        let b = file(rows: 210_000) { i, row in
            i < 10_000 ? String(format: "%.15f,%.15f", 300 + Double(i) * 1e-3, 1e-3) : String(format: "%d,1", 400 + i)
        }
        expectSame(b, streams: false)
        // Rows as long as the first ones: streamed.
        expectSame(file(rows: 210_000) { i, _ in String(format: "%.15f,%.15f", 300 + Double(i) * 1e-3, 1e-3) }, streams: true)
    }

    @Test func otherKindsAndOverrides() {
        // A file that stops before its numbers (no heat-flow unit mass): read whole, same error.
        expectSame(file(rows: rows, header: "T/K,HF/mW\n"), streams: false)
        // With the mass from study.toml it streams.
        expectSame(file(rows: rows, header: "T/K,HF/mW\n"), streams: true, overrides: ["mass": MetadataEntry("20 mg", line: 0)])
        // A DMA temperature scan with a tan δ column and a Celsius, semicolon, decimal-comma DSC file.
        let scan = file(rows: rows, header: "# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa,E''/MPa,tan d\n") { i, row in
            row + String(format: ",%.3f,0.01", 100 + Double(i % 100))
        }
        expectSame(scan, streams: true)
        let comma = file(rows: rows, header: "# kind: dsc\nTemp./°C;DSC/(mW/mg)\n") { _, row in
            row.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
        }
        expectSame(comma, streams: true)
    }

    /// A NETZSCH Proteus export of `rows` rows: `#KEY:value` lines, a `##` heading, padded
    /// semicolon-separated fields, two segments (heating, then cooling); `edit` changes row texts.
    func netzsch(rows: Int, decimalComma: Bool = false, edit: (Int, String) -> String = { $1 }) -> [UInt8] {
        var text = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#FTYPE:ANSI\n#DECIMAL:\(decimalComma ? "COMMA" : "POINT")\n#SEPARATOR:SEMICOLON\n"
            + "#MTYPE:DSC\n#SAMPLE MASS /mg:12.5\n#EXO:-1\n#RANGE:20°C/10.0(K/min)/600°C\n#SEGMENT:S1-2/2\n"
            + "#SEG. 1:20°C/10.0(K/min)/600°C\n#SEG. 2:600°C/10.0(K/min)/20°C\n\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n"
        text.reserveCapacity(rows * 44)
        let half = rows * 3 / 4
        for i in 0..<rows {
            let up = i < half
            let c = up ? 20 + Double(i) * 580 / Double(half) : 600 - Double(i - half) * 580 / Double(rows - half)
            var row = String(format: "%10.5f;%9.5f;%.6e;%d", c, Double(i) * 1e-3, 1e-3 * sin(Double(i) * 1e-3) + (c > 400 ? 0.01 : 0), up ? 1 : 2)
            if decimalComma { row = row.replacingOccurrences(of: ".", with: ",") }
            text += edit(i, row) + "\r\n"
        }
        return Array(text.utf8)
    }

    /// The same bytes with `°` (C2 B0) written as Windows-1252 (B0), as an ANSI export has it.
    func ansi(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xB0 { out.append(0xB0); i += 2 } else { out.append(bytes[i]); i += 1 }
        }
        return out
    }

    /// NETZSCH exports stream (their heading and segment programs are in the first lines) to the
    /// datasets and errors of the whole import: UTF-8 or Windows-1252 first lines, decimal comma,
    /// comment lines, a bad row late; a Windows-1252 file with another non-ASCII byte later is
    /// handed back and read whole.
    @Test func netzschExportsStreamToTheSameDataset() throws {
        // The export is read (not refused on both paths alike): the heating segment, in kelvin.
        guard case .datasets(let d) = whole(ansi(netzsch(rows: 4_000))) else { Issue.record("not read"); return }
        let t = try #require(d.first?.temperatureKValues)
        #expect(t.count == 3_000 && t.first == 293.15 && t.last.map { abs($0 - (873.15 - 580.0 / 3_000)) < 1e-5 } == true)
        expectSame(netzsch(rows: rows), streams: true)
        expectSame(ansi(netzsch(rows: rows)), streams: true)
        expectSame(netzsch(rows: rows, decimalComma: true), streams: true)
        expectSame(ansi(netzsch(rows: rows) { i, row in i % 40_000 == 3 ? "#comment\r\n" + row : row }), streams: true)
        expectSame(netzsch(rows: rows) { i, row in i == 170_001 ? row.replacingOccurrences(of: ";", with: ";x", options: [], range: nil) : row }, streams: true)
        var late = ansi(netzsch(rows: rows) { i, row in i == 200_000 ? "#Probe: \u{B5}V" : row })
        #expect(late.contains(0xB5) && !UTF8Validation.isValid(late))
        expectSame(late, streams: false)
        late = netzsch(rows: rows) { i, row in i == 200_000 ? "#Probe: \u{B5}V" : row }
        expectSame(late, streams: true)   // valid UTF-8 throughout
    }

    /// A TA Universal Analysis export of `rows` rows (time, °C, mW; TAB-separated), with a
    /// sentinel row (time −1) before the first row and after the rows in `sentinelsAfter`.
    func ta(rows: Int, sentinelsAfter: Set<Int> = [], edit: (Int, String) -> String = { $1 }) -> [UInt8] {
        var text = "Instrument\t2920 MDSC V2.6A\nSize\t9.0000\tmg\nExotherm\tUp\nNsig\t3\nSig1\tTime (min)\n"
            + "Sig2\tTemperature (\u{F8}C)\nSig3\tHeat Flow (mW)\nStartOfData\n-1.000000\t69.19148\t0.0000000\n"
        text.reserveCapacity(rows * 30)
        for i in 0..<rows {
            let t = Double(i) * 2e-4
            text += edit(i, String(format: "%.6f\t%.5f\t%.7f", t, 20 + 10 * t, -1 + 0.1 * sin(t))) + "\n"
            if sentinelsAfter.contains(i) { text += "-1.000000\t\(100 + i % 7).5\t0.0000000\n" }
        }
        return Array(text.utf8)
    }

    /// TA exports stream to the whole import's datasets and warnings, their sentinel rows dropped
    /// wherever they are (first lines, later, more than six); a `#` line is a row there (an error),
    /// and any row error hands the file back to the whole import (which drops a sentinel row
    /// before reading its other fields).
    @Test func taExportsStreamWithTheirSentinelRowsDropped() throws {
        guard case .datasets(let d) = whole(ansi(ta(rows: 3_000, sentinelsAfter: [10, 2_999]))) else { Issue.record("not read"); return }
        let first = try #require(d.first)
        #expect(first.temperatureKValues.count == 3_000 && first.temperatureKValues.first == 293.15)
        #expect(first.warnings.contains { $0.contains("3 TA sentinel row(s)") && $0.contains("line(s) 9, 21, 3011") })
        expectSame(ta(rows: rows, sentinelsAfter: [5, 150_000, rows - 1]), streams: true)
        expectSame(ansi(ta(rows: rows, sentinelsAfter: Set(stride(from: 7, to: rows, by: 20_011)))), streams: true)
        expectSame(ta(rows: rows), streams: true)
        expectSame(ta(rows: rows) { i, row in i == 180_000 ? "# note\n" + row : row }, streams: false)
        expectSame(ta(rows: rows) { i, row in i == 190_000 ? "-1.000000\tx\t0\n" + row : row }, streams: false)
    }

    /// The columns whose pages a streamed import gives back are those the dataset does not hold:
    /// `valueArrays` lists every array of values a dataset has (checked by reflection), and files
    /// with a time column or in °C (whose parsed columns are not kept) stream to the same datasets.
    @Test func pagesGoBackOnlyForColumnsTheDatasetDoesNotHold() {
        let arrays = Mirror(reflecting: Dataset(path: "x", kind: .dsc)).children.filter { type(of: $0.value) == [Double].self }
        #expect(arrays.count == Dataset(path: "x", kind: .dsc).valueArrays.count)
        expectSame(file(rows: rows, header: "# kind: dsc\n# heating_rate: 20 K/min\nt/min,T/K,W/(W/g)\n") { i, row in
            String(format: "%.6f,", Double(i) * 2e-5) + row
        }, streams: true)
        expectSame(file(rows: rows, header: "# kind: dsc\n# heating_rate: 20 K/min\nT/°C,W/(W/g)\n"), streams: true)
    }

    @Test func rowLinesIsTheArrayOfLines() {
        var rng = SystemRandomNumberGenerator()
        var reference: [Int] = []
        var lines = RowLines()
        var line = 3
        for _ in 0..<5_000 {
            line += Int.random(in: 0..<10, using: &rng) == 0 ? Int.random(in: 2...5, using: &rng) : 1
            reference.append(line)
            lines.append(line)
        }
        #expect(Array(lines) == reference)
        #expect(RowLines(reference) == lines)
        for _ in 0..<200 {
            let a = Int.random(in: 0...reference.count, using: &rng), b = Int.random(in: a...reference.count, using: &rng)
            #expect(Array(lines.rows(a..<b)) == Array(reference[a..<b]))
        }
        var joined = lines.rows(0..<1_000)
        joined.append(contentsOf: lines.rows(1_000..<reference.count))
        #expect(Array(joined) == reference)
        var shifted = RowLines()
        shifted.append(contentsOf: lines, lineOffset: 10)
        #expect(Array(shifted) == reference.map { $0 + 10 })
    }

    @Test func columnKeysOnBytesMatchTheStringCode() {
        var names: [String] = []
        for row in ColumnMatcher.synonyms {
            for w in Array(row.exact) + row.prefixes + row.suffixes + row.contains {
                names += [w, w.uppercased(), w.capitalized, w.replacingOccurrences(of: " ", with: "_"),
                          w.replacingOccurrences(of: " ", with: "-") + ".", " " + w + " x", "x " + w, w + "ure"]
            }
        }
        names += ["E'", "E''", "e\"", "G '", "G' '", "tan delta", "Tan_Delta", "tan(d)", "t", "T", "Ts", "Tr", "Temp.",
                  "Sample Temperature", "Furnace temp", "Heat Flow Total", "Reversing Heat Flow", "__x__", "a..b", "",
                  "Angular Frequency", "Winkelfrequenz", "Temperatur", "TIME (min)", "Zeit", "Set", "Seg.", "-"]
        for n in names {
            #expect(ColumnMatcher.key(n) == ColumnMatcher.scalarKey(n), "\(n)")
            let h = ColumnHeader(n)
            let k = ColumnMatcher.key(h.name)
            let general = k.isEmpty ? nil : ColumnMatcher.generalMeaning(k, raw: h.name.trimmedSpaces, ColumnMatcher.Folded(k, onBytes: false))
            #expect(ColumnMatcher.meaning(of: h) == general, "\(n)")
            let t = n.trimmedSpaces
            #expect(MetadataKeys.normalise(n) == t.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_"), "\(n)")
        }
    }

    /// The scalar-by-scalar trim `trimmedSpaces` replaced.
    func scalarTrim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{00A0}" || u == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    @Test func trimmingOnBytesMatchesTheScalarTrim() {
        let pieces = ["", " ", "\t", "\u{00A0}", "\u{FEFF}", "a", "é", "\u{301}", "°C", "x y", "\u{A0}b\u{A0}", "\u{FEFF}\u{FEFF}", "\u{C2}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
            #expect(s.trimmedSpaces.unicodeScalars.elementsEqual(scalarTrim(s).unicodeScalars), "\(s.debugDescription)")
            let sub = s.dropFirst(s.isEmpty ? 0 : 1)
            #expect(sub.trimmedSpaces.unicodeScalars.elementsEqual(scalarTrim(String(sub)).unicodeScalars), "\(sub.debugDescription)")
        }
    }

    @Test func unitsAndNumbersOnBytesMatchTheStringCode() {
        let units = ["K", "°C", "degC", "DEG C", "dedegg", "W/g", "mW/mg", "W g^-1", "m W", "Hz", "rad/s", "1/s", "MPa", "GPa",
                     "µW/mg", "min", "s", "deg", "Deg", "kdegdeg", "", " ", "J/(g*s)", "K/min", "mW"]
        for u in units {
            #expect(Units.normalise(u) == Units.scalarNormalise(u), "\(u)")
        }
        for t in ["20 K/min", "20,5 K/min", "1e3 mg", "2,5e-1 Hz", "-3 K/s", "1.000,5 mg", "126.85 °C", "25,1mg"] {
            let ours = MetadataValue.numberAndUnit(t)
            // The reference: the number part with Foundation's replacement.
            var end = t.startIndex
            for (i, ch) in zip(t.indices, t) {
                if ch.isNumber || ch == "." || ch == "," || ch == "-" || ch == "+" || ch == "e" || ch == "E" { end = t.index(after: i) } else { break }
            }
            var number = String(t[..<end])
            while let last = number.last, "eE+-".contains(last) { number.removeLast() }
            let expected = NumberParser.parse(number.replacingOccurrences(of: ",", with: "."))
            #expect(ours?.0 == expected, "\(t)")
        }
    }

    /// Rows mutated at random: the one-pass reads (`fast` with the row's end known, `fastLine`
    /// finding it) give exactly what the general path gives — the same doubles or the same error.
    /// Fields padded with spaces (as NETZSCH writes them) and separated by runs of spaces and tabs
    /// (a whitespace table) are among them.
    @Test(arguments: ["T/K,W/(W/g),note", "T/K;W/(W/g);x", "T/K\tW/(W/g)", "T/K W/(W/g) note", "T/K  W/(W/g)"])
    func onePassRowsEqualTheGeneralPath(_ header: String) throws {
        let names = header.split(whereSeparator: { ",;\t ".contains($0) })
        let separator = header.first(where: { ",;\t".contains($0) }).map(String.init) ?? " "
        let table = try #require(try FormatDetector.read(bytes: Array((header + "\n" + names.indices.map(String.init).joined(separator: separator) + "\n").utf8),
                                                         path: "r.csv").first)
        try #require(table.headers.count == names.count)
        let alphabet = Array("0123456789.,;-+eE \t#x\r".utf8) + [0x80, 0x00]
        var rng = SystemRandomNumberGenerator()
        func padding() -> String {
            let pads = [" ", "\t"].filter { $0 != String(UnicodeScalar(table.delimiter.byte ?? 0)) }
            return Int.random(in: 0..<3, using: &rng) == 0 ? (0..<Int.random(in: 1...3, using: &rng)).map { _ in pads.randomElement(using: &rng)! }.joined() : ""
        }
        func between() -> String {
            guard let b = table.delimiter.byte else { return padding() + [" ", "\t"].randomElement(using: &rng)! + padding() }
            return padding() + String(UnicodeScalar(b)) + padding()
        }
        let columns = (0..<2).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: 1) }
        let reference = (0..<2).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: 1) }
        defer { (columns + reference).forEach { $0.deallocate() } }
        var checked = 0
        for _ in 0..<40_000 {
            let fields = [String(format: "%.6f", Double.random(in: -1e3...1e3, using: &rng)),
                          String(format: "%.9g", Double.random(in: -1...1, using: &rng) * pow(10, Double(Int.random(in: -30...30, using: &rng)))),
                          "n"].prefix(table.headers.count)
            var line = padding()
            for (k, f) in fields.enumerated() { line += (k > 0 ? between() : "") + f }
            var row = Array((line + padding()).utf8)
            for _ in 0..<Int.random(in: 0...2, using: &rng) where !row.isEmpty {
                let at = Int.random(in: 0..<row.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: row[at] = alphabet.randomElement(using: &rng) ?? 0x30
                case 1: row.insert(alphabet.randomElement(using: &rng) ?? 0x30, at: at)
                default: row.remove(at: at)
                }
            }
            var p1 = RowParser(table, [0, 1]), p2 = RowParser(table, [0, 1])
            let text = row + [0x0A]
            text.withUnsafeBufferPointer { buf in
                let base = buf.baseAddress!
                var e = row.count
                if e > 0, row[e - 1] == 0x0D { e -= 1 }
                let expected = columns.withUnsafeBufferPointer { _ in
                    reference.withUnsafeBufferPointer { p2.general(base, 0, e, line: 7, $0.baseAddress!, 0) }
                }
                let got = columns.withUnsafeBufferPointer { p1.parse(base, 0, e, line: 7, $0.baseAddress!, 0) }
                #expect(got?.description == expected?.description, "\(String(decoding: row, as: UTF8.self).debugDescription)")
                if got == nil && expected == nil {
                    #expect(columns[0].pointee.bitPattern == reference[0].pointee.bitPattern && columns[1].pointee.bitPattern == reference[1].pointee.bitPattern)
                    checked += 1
                }
                // fastLine: when it reads the line, the general path reads the same values.
                var flagged = false
                let blankOrComment = row.first(where: { $0 != 0x20 && $0 != 0x09 }).map { $0 == 0x23 } ?? true
                if !blankOrComment, let next = columns.withUnsafeBufferPointer({ p1.fastLine(base, 0, text.count, $0.baseAddress!, 0, &flagged) }) {
                    #expect(next == text.count, "\(String(decoding: row, as: UTF8.self).debugDescription)")
                    #expect(expected == nil && columns[0].pointee.bitPattern == reference[0].pointee.bitPattern
                            && columns[1].pointee.bitPattern == reference[1].pointee.bitPattern,
                            "\(String(decoding: row, as: UTF8.self).debugDescription)")
                }
            }
        }
        // Most rows stay readable (the check above compared values on them).
        #expect(checked > 10_000)
    }

    /// `RowParser.number` (the one-pass scan, its significant-digit count without branches) reads
    /// every plain number as the general path and strtod do: leading zeros, 15 to 25 digits,
    /// exponents, signs; and refuses what the general path refuses.
    @Test func rowNumbersAreBitIdenticalToStrtod() throws {
        let table = try #require(try FormatDetector.read(bytes: Array("a,b\n1,2\n".utf8), path: "n.csv").first)
        let parser = RowParser(table, [0, 1])
        var rng = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "0.0", "000123.5", "0.000000000000000000001234", "1e22", "1e23", "9007199254740993",
                     "123456789012345", "1234567890123456", "0.1234567890123456789", "00000000000000000000001", "1" + String(repeating: "0", count: 64),
                     "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "+.5", "5.", "-0.00012e-3"]
        for _ in 0..<60_000 {
            let digits = (0..<Int.random(in: 1...25, using: &rng)).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let zeros = String(repeating: "0", count: Int.random(in: 0...4, using: &rng))
            let point = Int.random(in: 0...digits.count, using: &rng)
            var t = zeros + String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if Bool.random(using: &rng) { t += "e" + String(Int.random(in: -30...30, using: &rng)) }
            if Bool.random(using: &rng) { t = "-" + t }
            texts.append(t)
        }
        var mismatches: [String] = []
        for t in texts {
            let bytes = Array(t.utf8)
            let v: Double? = bytes.withUnsafeBufferPointer { buf in
                var i = 0
                let v = parser.number(buf.baseAddress!, &i, bytes.count)
                return i == bytes.count ? v : nil
            }
            // The general path's answer (NumberParser: strtod's double, or a refusal such as a
            // field of more than 62 characters), and strtod itself where that accepts the text.
            let general: Double? = bytes.withUnsafeBufferPointer { buf in
                try? NumberParser.parse(buf.baseAddress!, 0, bytes.count, decimalComma: false).get()
            }
            if v?.bitPattern != general?.bitPattern { mismatches.append(t) }
            if let v, v.bitPattern != strtod(t, nil).bitPattern { mismatches.append(t) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
