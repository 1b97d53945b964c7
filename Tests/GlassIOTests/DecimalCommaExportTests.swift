import Foundation
import GlassIO
import GlassKit
import XCTest

/// NETZSCH Proteus exports without a `#DECIMAL` line and GABO Eplexor exports take their decimal
/// mark from their data, as every other format does (docs/reading-rules.md, "One decimal mark"):
/// the real files rewritten as a German Windows writes them (decimal commas, `;` or TAB between
/// the fields) read exactly as the originals. Expected values are the independent numpy readings
/// of the original files (`RealDSCFilesTests.expected`, `RealDMAFilesTests.expected`).
final class DecimalCommaExportTests: XCTestCase {
    func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try SharedData.url(relative)))
    }

    func datasets(_ bytes: [UInt8], _ path: String, overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try FormatDetector.read(bytes: bytes, path: path).map { try DatasetBuilder.build($0, overrides: overrides) }
    }

    func error(_ bytes: [UInt8], _ path: String, overrides: [String: MetadataEntry] = [:]) -> String {
        do {
            _ = try datasets(bytes, path, overrides: overrides)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// `line` with every `.` between two digits written `,` (the numbers of a decimal-comma export).
    static func commas(_ line: [UInt8]) -> [UInt8] {
        var out = line
        for k in out.indices.dropFirst().dropLast() where out[k] == 0x2E && out[k - 1] &- 0x30 <= 9 && out[k + 1] &- 0x30 <= 9 {
            out[k] = 0x2C
        }
        return out
    }

    /// A Proteus export as a German Windows writes it with its `#DECIMAL` line gone: decimal
    /// commas in the data and in the header's numbers (`#SAMPLE MASS /mg:77,8`, `#SEG. 3:50°C/5,0
    /// (K/min)/200°C`); free text (`#REMARK`, `#DATE/TIME`) and the names row as they were. The
    /// lines keep their CR LF ends; the file is one line shorter.
    static func germanNetzsch(_ original: [UInt8]) -> [UInt8] {
        let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var out: [[UInt8]] = []
        for line in lines {
            let starts = { (s: String) in line.starts(with: Array(s.utf8)) }
            if starts("#DECIMAL") { continue }
            out.append(starts("#REMARK") || starts("#DATE") || starts("##") ? line : commas(line))
        }
        return Array(out.joined(separator: [0x0A]))
    }

    /// An Eplexor export with decimal commas (or its points, `decimalComma` false) and its fields
    /// separated by `separator` (nil: the columns aligned with spaces as Eplexor writes them); the
    /// trailer `]1[name` as it was.
    static func germanEplexor(_ original: [UInt8], separator: UInt8?, decimalComma: Bool = true) -> [UInt8] {
        let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        return Array(lines.map { line -> [UInt8] in
            if line.contains(0x5D) && line.first(where: { $0 != 0x20 }) != 0x5B { return line }   // the trailer
            let numbers = decimalComma ? commas(line) : line
            guard let separator else { return numbers }
            let fields = numbers.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            return Array(fields.map(Array.init).joined(separator: [separator])) + (line.last == 0x0D ? [0x0D] : [])
        }.joined(separator: [0x0A]))
    }

    /// The three real Proteus exports without `#DECIMAL`, in decimal commas: the numpy values of the
    /// originals, and datasets identical to the originals' to the last bit.
    func testNetzschWithoutDecimalLineReadsItsDecimalCommas() throws {
        for (name, n, t0, t1, w0, w1, _) in RealDSCFilesTests.expected where name.hasPrefix("netzsch-proteus/") {
            let original = try bytes("dsc/" + name)
            let german = Self.germanNetzsch(original)
            let text = String(decoding: german, as: UTF8.self)
            XCTAssertFalse(text.contains("#DECIMAL"), name)
            XCTAssertTrue(text.contains("/5,0(K/min)/"), name)
            let d = try XCTUnwrap(try datasets(german, name).first)
            XCTAssertEqual(d.count, n, name)
            XCTAssertEqual(d.temperatureKValues.first ?? 0, t0, accuracy: 1e-9, name)
            XCTAssertEqual(d.temperatureKValues.last ?? 0, t1, accuracy: 1e-9, name)
            XCTAssertEqual(d.heatFlowWPerG.first ?? 0, w0, accuracy: abs(w0) * 1e-12, name)
            XCTAssertEqual(d.heatFlowWPerG.last ?? 0, w1, accuracy: abs(w1) * 1e-12, name)
            XCTAssertEqual(d.heatingRateKPerMin, 5, "\(name): segment 3's '5,0(K/min)'")
            let o = try XCTUnwrap(try datasets(original, name).first)
            XCTAssertEqual(d.temperatureKValues, o.temperatureKValues, name)
            XCTAssertEqual(d.heatFlowWPerG, o.heatFlowWPerG, name)
            XCTAssertEqual(d.massMg, o.massMg, name)
        }
        // A_1's mass, read from `#SAMPLE MASS /mg:77,8`.
        let a1 = try XCTUnwrap(try datasets(Self.germanNetzsch(try bytes("dsc/netzsch-proteus/A_1.txt")), "A_1.txt").first)
        XCTAssertEqual(a1.massMg, 77.8)
    }

    /// B_1 (15 726 lines) streamed as a large file is: the mark its first lines show, the same
    /// datasets as the whole-file import.
    func testNetzschWithoutDecimalLineStreamsAsItReadsWhole() throws {
        let german = Self.germanNetzsch(try bytes("dsc/netzsch-proteus/B_1.txt"))
        let whole = try datasets(german, "B_1.txt")
        var at = 0
        let outcome = try StreamingImport.read(path: "B_1.txt", overrides: [:], sizeHint: german.count, from: { buf in
            let n = min(1 << 16, buf.count, german.count - at)
            guard n > 0, let dst = buf.baseAddress else { return 0 }
            german.withUnsafeBytes { dst.copyMemory(from: $0.baseAddress! + at, byteCount: n) }
            at += n
            return n
        }, digest: { _ in }, chunk: 1 << 14)
        guard case .datasets(let streamed) = outcome else { return XCTFail("not streamed: \(outcome)") }
        XCTAssertEqual(streamed, whole)
    }

    /// A number in the other mark in such a file: the file, the line, the field and both readings;
    /// and a number that is no thousands group named with the file's mark.
    func testNetzschWithoutDecimalLineRefusesANumberInTheOtherMark() throws {
        let lines = Self.germanNetzsch(try bytes("dsc/netzsch-proteus/A_1.txt")).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        // 0-based line 1036 (line 1037) is ` 50,45300;16,63750;-1,674061e-003;…;2` (segment 2).
        XCTAssertTrue(lines[1036].starts(with: Array(" 50,45300;16,63750;".utf8)))
        func with(_ time: String) -> [UInt8] {
            var l = lines
            l[1036] = Array(" 50,45300;\(time);".utf8) + l[1036].dropFirst(19)
            return Array(l.joined(separator: [0x0A]))
        }
        XCTAssertEqual(error(with("16.637"), "A_1.txt"),
                       "A_1.txt:1037: field 2 (Time/min) '16.637' could be 16637 (a thousands point) or 16.637 (a decimal point), and this file writes a decimal comma; expected '16637' or the number with a decimal comma (a spreadsheet may have added thousands separators)")
        let other = error(with("16.6375"), "A_1.txt")
        XCTAssertTrue(other.hasPrefix("A_1.txt:1037: field 2 (Time/min) is "), other)
        XCTAssertTrue(other.contains("'16.6375'") && other.contains("(this file's is ',')"), other)
    }

    /// A NETZSCH export without `#DECIMAL` whose numbers are all thousands groups that no
    /// temperature settles: refused at the first with both readings and the statement NETZSCH reads;
    /// study.toml's `decimal` reads it. A temperature whose thousands reading no instrument records
    /// (`301,200`: 301 200 °C or 301.2 °C) settles it; unquoted commas between the fields are `.`.
    func testNetzschWithoutDecimalLineThousandsGroupsAndCommas() throws {
        // Rows a minute apart, 0.1 K apart: the programmed 0,1 K/min.
        func head(_ program: String) -> String {
            "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#SEPARATOR:SEMICOLON\n#EXO:-1\n#SAMPLE MASS /mg:20\n#SEG. 1:\(program)\n##Temp./°C;Time/min;DSC/(mW/mg)\n"
        }
        let groups = head("1°C/0,1(K/min)/2°C") + "1,200;0;1,500\n1,300;1;1,600\n1,400;2;1,700\n1,500;3;1,800\n"
        XCTAssertEqual(error(Array(groups.utf8), "n.txt"),
                       "n.txt:8: field 1 (Temp./°C) '1,200' could be 1200 (a thousands comma) or 1.2 (a decimal comma), and no other number in the file settles its decimal mark; expected the numbers written without thousands separators (export them so) or, where ',' is the decimal mark, that stated: a line '#DECIMAL:COMMA' above the names row, or decimal = \"comma\" for this file in study.toml")
        let stated = try XCTUnwrap(try datasets(Array(groups.utf8), "n.txt", overrides: ["decimal": MetadataEntry("comma", line: 0)]).first)
        XCTAssertEqual(stated.temperatureKValues, [1.2, 1.3, 1.4, 1.5].map { $0 + 273.15 })
        XCTAssertEqual(stated.heatFlowWPerG, [1.5, 1.6, 1.7, 1.8], "EXO -1: endo up, as glassview holds it; mW/mg = W/g")
        // `301,200` is 301.2 °C: the file's mark is ','.
        let hot = head("301°C/0,1(K/min)/302°C") + "301,200;0;1,500\n301,300;1;1,600\n301,400;2;1,700\n301,500;3;1,800\n"
        let d = try XCTUnwrap(try datasets(Array(hot.utf8), "n.txt").first)
        XCTAssertEqual(d.temperatureKValues, [301.2, 301.3, 301.4, 301.5].map { $0 + 273.15 })
        XCTAssertEqual(d.heatFlowWPerG, [1.5, 1.6, 1.7, 1.8])
        // `#SEPARATOR:COMMA`: unquoted commas separate, the mark is '.' (`1.200` is 1.2, no group read).
        let comma = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#SEPARATOR:COMMA\n#EXO:-1\n#SAMPLE MASS /mg:20\n#SEG. 1:30°C/10.0(K/min)/34°C\n##Temp./°C,Time/min,DSC/(mW/mg)\n"
            + "30.5,0,1.200\n31.5,0.1,1.300\n32.5,0.2,1.400\n33.5,0.3,1.500\n"
        let c = try XCTUnwrap(try datasets(Array(comma.utf8), "n.txt").first)
        XCTAssertEqual(c.temperatureKValues, [30.5, 31.5, 32.5, 33.5].map { $0 + 273.15 })
        XCTAssertEqual(c.heatFlowWPerG, [1.2, 1.3, 1.4, 1.5])
        // Quoted there, the numbers show their mark (`"30,5"`): ','.
        let quoted = comma.components(separatedBy: "##")[0] + "##Temp./°C,Time/min,DSC/(mW/mg)\n"
            + "\"30,5\",\"0\",\"1,2\"\n\"31,5\",\"0,1\",\"1,3\"\n\"32,5\",\"0,2\",\"1,4\"\n\"33,5\",\"0,3\",\"1,5\"\n"
        let q = try XCTUnwrap(try datasets(Array(quoted.replacingOccurrences(of: "/10.0(K/min)/", with: "/10,0(K/min)/").utf8), "n.txt").first)
        XCTAssertEqual(q.temperatureKValues, [30.5, 31.5, 32.5, 33.5].map { $0 + 273.15 })
        XCTAssertEqual(q.heatFlowWPerG, [1.2, 1.3, 1.4, 1.5])
    }

    /// The 22 real Eplexor sweeps with decimal commas, aligned with spaces or separated by `;` or
    /// TAB, and with decimal points separated by commas: the numpy values of the originals, and
    /// datasets identical to the originals'.
    func testEplexorWithDecimalCommasReadsAsTheOriginal() throws {
        let files = RealDMAFilesTests.expected.filter { $0.0.hasPrefix("eplexor-ascii/") }
        XCTAssertEqual(files.count, 22)
        for (path, n, f0, f1, s0, s1, l0, l1, t) in files {
            let original = try bytes("dma-tts/" + path)
            let o = try datasets(original, path)
            for (what, separator) in [("spaces", nil), ("';'", UInt8(0x3B)), ("TAB", UInt8(0x09))] as [(String, UInt8?)] {
                let german = Self.germanEplexor(original, separator: separator)
                XCTAssertTrue(german.contains(0x2C), "\(path), \(what): decimal commas written")
                let got = try datasets(german, path)
                XCTAssertEqual(got.count, 1, "\(path), \(what)")
                let d = try XCTUnwrap(got.first)
                XCTAssertEqual(d.count, n, "\(path), \(what)")
                XCTAssertEqual(d.frequencyHzValues.first ?? 0, f0, accuracy: f0 * 1e-13, "\(path), \(what)")
                XCTAssertEqual(d.frequencyHzValues.last ?? 0, f1, accuracy: f1 * 1e-13, "\(path), \(what)")
                XCTAssertEqual(d.storageMPa.first, s0, "\(path), \(what)")
                XCTAssertEqual(d.storageMPa.last, s1, "\(path), \(what)")
                XCTAssertEqual(d.lossMPa.first, l0, "\(path), \(what)")
                XCTAssertEqual(d.lossMPa.last, l1, "\(path), \(what)")
                XCTAssertEqual(d.temperatureK ?? 0, t, accuracy: 1e-9, "\(path), \(what)")
                XCTAssertEqual(got, o, "\(path), \(what): the original's datasets")
            }
            // Decimal points with commas between the fields (a spreadsheet's CSV): '.'.
            let csv = Self.germanEplexor(original, separator: 0x2C, decimalComma: false)
            XCTAssertEqual(try datasets(csv, path), o, "\(path), comma-separated")
        }
    }

    /// A number in the other mark in a decimal-comma Eplexor export, aligned with spaces or
    /// separated by `;`: the file, the line, the field (with its heading) and both readings.
    func testEplexorWithDecimalCommasRefusesANumberInTheOtherMark() throws {
        for separator in [nil, UInt8(0x3B)] as [UInt8?] {
            let german = Self.germanEplexor(try bytes("dma-tts/eplexor-ascii/T0.txt"), separator: separator)
            var lines = german.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            // Line 5 (the third data row): its E′ `2,94916e+03` written `2.949` (2949 or 2.949).
            let text = String(decoding: lines[4], as: UTF8.self)
            XCTAssertEqual(text.components(separatedBy: "2,94916e+03").count, 2, text)
            lines[4] = Array(text.replacingOccurrences(of: "2,94916e+03", with: "2.949").utf8)
            let e = error(Array(lines.joined(separator: [0x0A])), "T0.txt")
            XCTAssertTrue(e.hasPrefix("T0.txt:5: field 11 (E'"), e)
            XCTAssertTrue(e.contains("'2.949' could be 2949 (a thousands point) or 2.949 (a decimal point), and this file writes a decimal comma"), e)
        }
    }
}
