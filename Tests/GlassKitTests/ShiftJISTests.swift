import Foundation
import Testing
@testable import GlassKit

/// Japanese Shift_JIS (CP932) exports (Shimadzu TA-60WS on Japanese Windows) are decoded, and the
/// detection never takes a Latin-1 / Windows-1252 file: the real ANSI fixtures, a French file
/// whose every byte is valid CP932, and accented words in every position.
@Suite struct ShiftJISTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func fixture(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(relative)))
    }

    /// `text` in CP932, by the C library's iconv (independent of the decoder under test's tables).
    func cp932(_ text: String) throws -> [UInt8] {
        let cd = iconv_open("CP932", "UTF-8")
        try #require(cd != iconv_t(bitPattern: -1))
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var out = [UInt8](repeating: 0, count: input.count * 2 + 8)
        let n = input.withUnsafeMutableBytes { src in
            out.withUnsafeMutableBytes { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = dst.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = src.count, outLeft = dst.count
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 ? -1 : dst.count - outLeft
            }
        }
        try #require(n >= 0, "not encodable in CP932: \(text)")
        return Array(out.prefix(n))
    }

    let exoUp = ["sign": MetadataEntry("exo-up", line: 0)]

    /// The fixture (README: written by Python's cp932 codec): `試料重量 10.250[mg]` and `昇温速度
    /// 20.0[℃/min]` are read, the temperatures are 300 + k °C.
    @Test func shimadzuExportInCP932ReadsItsMassAndRate() throws {
        let bytes = try fixture("encodings/shimadzu-cp932.txt")
        #expect(!UTF8Validation.isValid(bytes))
        let tables = try FormatDetector.read(bytes: bytes, path: "vit1.txt")
        let table = try #require(tables.first)
        #expect(table.encoding == .shiftJIS)
        #expect(table.metadata["mass"]?.value == "10.250 mg" && table.metadata["mass"]?.line == 6)
        #expect(table.metadata["heating_rate"]?.value == "20.0 ℃/min" && table.metadata["heating_rate"]?.line == 8)
        let d = try #require(try ScanSplitter.datasets(tables, overrides: exoUp).first)
        #expect(d.massMg == 10.25)
        #expect(d.heatingRateKPerMin == 20)
        #expect(d.temperatureKValues.first == 573.15 && d.temperatureKValues.count == 40)
        // 0.625 mW on 10.25 mg, W/g, exo-up made endo-up.
        #expect(abs((d.heatFlowWPerG.first ?? 0) + 0.625 / 10.25) < 1e-12)
    }

    /// A message quoting a line of a CP932 file quotes it in Japanese, not as Windows-1252.
    @Test func messagesQuoteTheDecodedJapanese() throws {
        var bytes = try fixture("encodings/shimadzu-cp932.txt")
        let from = Array("10.250[mg]".utf8), to = Array("10,250.5[mg]".utf8)
        let at = try #require((0...(bytes.count - from.count)).first { bytes[$0..<($0 + from.count)].elementsEqual(from) })
        bytes.replaceSubrange(at..<(at + from.count), with: to)
        var message = ""
        do { _ = try ScanSplitter.datasets(try FormatDetector.read(bytes: bytes, path: "vit1.txt"), overrides: exoUp) } catch { message = "\(error)" }
        #expect(message.contains("line 6, '試料重量"), "\(message)")
        #expect(message.contains("'10,250.5' holds both ',' and '.'"), "\(message)")
    }

    /// Japanese evidence: a word of two kana or level-1 kanji, or a lead byte Windows-1252 leaves
    /// undefined (`℃` alone is 81 8E). Decoded by iconv to the same text.
    @Test func japaneseTextIsDetectedAndDecoded() throws {
        for text in ["温度", "試料重量\t10.250[mg]", "[℃]", "データ", "ファイル名", "時間 min", "# 試料: Vit1 リボン, 10 mg"] {
            let bytes = try cp932(text + "\n1,2\n")
            #expect(ShiftJIS.looksJapanese(bytes), "\(text)")
            let (utf8, encoding) = try TextDecoding.utf8Bytes(of: bytes, file: "f")
            #expect(encoding == .shiftJIS && utf8 == Array((text + "\n1,2\n").utf8), "\(text)")
        }
        // Not enough: half-width katakana only, one level-1 kanji alone, level-2 kanji only (the
        // leads of Latin-1's accented letters): read as Windows-1252 as before.
        for text in ["ｻﾝﾌﾟﾙ", "温 C", "駭駻"] {
            let bytes = try cp932(text + "\n")
            #expect(!ShiftJIS.looksJapanese(bytes), "\(text)")
            #expect(try TextDecoding.utf8Bytes(of: bytes, file: "f").encoding == .windows1252, "\(text)")
        }
    }

    /// The real ANSI fixtures (`°` B0, `µ` B5, TA's `ø` F8 before `C`) and a French export whose
    /// every byte is valid CP932 (`générales` is two kanji in a row there) meet the byte pattern a
    /// validity-only rule would take, and stay Windows-1252.
    @Test func latin1FixturesStayWindows1252() throws {
        let real = ["real/dma-tts/eplexor-ascii/T15.txt", "real/dma-tts/eplexor-ascii/T0.txt",
                    "real/dsc/setaram-spreadsheet/sample_dsc_setaram.csv", "real/dsc/ta-universal-analysis/sample_dsc_tainstruments.txt",
                    "encodings/latin1-french.csv"]
        for name in real {
            let bytes = try fixture(name)
            let scan = ShiftJIS.scan(bytes)
            #expect(scan.pattern && !scan.japanese, "\(name)")
            let (utf8, encoding) = try TextDecoding.utf8Bytes(of: bytes, file: name)
            #expect(encoding == .windows1252, "\(name)")
            #expect(utf8 == TextDecoding.lfLineEnds(TextDecoding.windows1252ToUTF8(bytes)), "\(name)")
        }
        let tables = try FormatDetector.read(bytes: try fixture("encodings/latin1-french.csv"), path: "fr.csv")
        #expect(tables.first?.headers.first?.text == "Température (°C)")
        let d = try #require(try ScanSplitter.datasets(tables, overrides: exoUp).first)
        #expect(d.massMg == 12.5 && d.heatingRateKPerMin == 20 && d.temperatureKValues.first == 573.15)
    }

    /// Accented words and signs before letters, spaces, digits, line ends, other accented
    /// letters, at the start and end of lines and of the file, in Latin-1 / Windows-1252: never
    /// Japanese. (Any text whose non-ASCII bytes are all from A0 up cannot be: evidence needs a
    /// lead 81–9F.)
    @Test func accentedWordsInEveryPositionStayWindows1252() throws {
        let words = ["Température", "Wärmestrom", "Gerät", "Größe", "Maße", "für", "Durée", "élève", "général", "Müller", "Ä",
                     "ÄÖÜ", "àéèù", "café", "µm", "°C", "ß", "Échantillon", "año", "niño", "±0,5", "½", "Fläche", "Ölbad",
                     "‘Vit1’", "“Probe”", "l’échantillon", "d’échauffement", "„Probe“", "Netzsch™", "10–20", "…",
                     "•Masse", "Œuvre", "Šimon", "žluť", "Šašek", "Žižek", "Šťastný", "Škoda", "Œœ", "šéf"]
        let seps = ["", " ", "\t", ";", "1", "\n", "é", "r"]
        var checked = 0, validCP932 = 0
        for a in words {
            for s in seps {
                for b in words.prefix(12) {
                    for text in [a + s + b, "x" + a + s + b + "\n", s + a + b + s, "Masse: 12,5 mg\n" + a + s + b + "\n300;1\n"] {
                        guard let bytes = text.data(using: .windowsCP1252).map(Array.init), !UTF8Validation.isValid(bytes) else { continue }
                        #expect(!ShiftJIS.looksJapanese(bytes), "\(text)")
                        checked += 1
                        if ShiftJIS.scan(bytes).pattern { validCP932 += 1 }
                    }
                }
            }
        }
        // Many are valid CP932 bytes: only rule 2 keeps them Windows-1252.
        #expect(checked > 10_000 && validCP932 > 1_000, "\(checked) \(validCP932)")
        var rng = SplitMix64(seed: 932)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 1...40, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0xA0...0xFF, using: &rng)
            }
            #expect(!ShiftJIS.scan(bytes).japanese)
        }
    }

    /// Central European names in Windows-1252 put `Š š Ž ž` before a letter twice in a row
    /// (`Šašek`: 8A 61 9A 65, two pairs a kanji each): a probe's file with such a name and `T/°C`
    /// was read as CP932 and refused (`'T/ｰC'`). Windows-1250 bytes that CP932 would take as
    /// evidence (0x8D Ť, 0x9D ť) are no evidence either.
    @Test func centralEuropeanNamesStayWindows1252() throws {
        for name in ["Šašek", "M. Žižek", "Šašek Žižek", "Probe von Šašek"] {
            let text = "# kind: dsc\n# sample_name: \(name)\n# mass: 10 mg\n# heating_rate: 20 K/min\n# sign: endo-up\nT/°C,W/(W/g)\n300,0.1\n301,0.2\n302,0.3\n"
            let bytes = try #require(text.data(using: .windowsCP1252).map(Array.init))
            #expect(!ShiftJIS.looksJapanese(bytes), "\(name)")
            // Without the degree sign too: the pairs' trail bytes are ASCII letters.
            let bare = try #require(("# sample_name: " + name + "\n").data(using: .windowsCP1252).map(Array.init))
            #expect(!ShiftJIS.scan(bare).japanese, "\(name)")
        }
        // Windows-1250's ť (0x9D) and Ť (0x8D) before letters: `ťa` `Ťa`.
        #expect(!ShiftJIS.scan([0x9D, 0x61, 0x8D, 0x61, 0x0A]).japanese)
        // A Japanese word still is one: 試料重量 (8E 8E 97 BF 8F 64 97 CA).
        #expect(ShiftJIS.scan(try cp932("試料重量: 10 mg\n")).japanese)
    }
}
