import Foundation
import GlassKit
import GlassPlatform
import XCTest

/// The text functions that replace Foundation's NSString methods in the binary (which then links
/// neither Foundation nor ICU), compared with Foundation's on random texts.
final class FoundationFreeTextTests: XCTestCase {
    /// Pieces of text: line ends (CR LF is one Character to Swift), spaces of every kind, the
    /// characters the readers search for, a scalar outside the BMP. No combining marks: there
    /// NSString matches canonically equivalent spellings and whole characters, these functions
    /// match scalars (checked separately below).
    static let pieces = ["a", "b", "e", ",", ".", " ", "\t", "\r", "\n", "\r\n", "’", "″", "°", "🙂", "µ", "×",
                         "\u{A0}", "\u{2028}", "\u{85}", "\u{3000}", "\u{FEFF}", "-", "+", "deg", "(", ")", "/"]

    func texts(_ count: Int, seed: UInt64) -> [(String, String, String)] {
        var rng = SplitMix64(seed: seed)
        func text(_ n: Int) -> String { (0..<n).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined() }
        return (0..<count).map { _ in (text(Int(rng.next() % 14)), text(1 + Int(rng.next() % 2)), text(Int(rng.next() % 2))) }
    }

    func testSearchAndReplaceMatchNSString() {
        var differ = 0
        for (s, target, replacement) in texts(40_000, seed: 7) {
            let ns = s as NSString
            if s.replacingLiteral(target, with: replacement) != ns.replacingOccurrences(of: target, with: replacement) { differ += 1 }
            let found = ns.range(of: target)
            let mine = s.literalRange(of: target).map { NSRange($0, in: s) }
            if mine != (found.location == NSNotFound ? nil : found) { differ += 1 }
            if s.componentsLiteral(separatedBy: target) != ns.components(separatedBy: target) { differ += 1 }
        }
        XCTAssertEqual(differ, 0)
    }

    func testTrimmingMatchesFoundation() {
        var differ = 0
        for (s, _, _) in texts(40_000, seed: 8) {
            if s.trimmingWhitespace != s.trimmingCharacters(in: .whitespaces) { differ += 1 }
            if s.trimmingWhitespaceAndNewlines != s.trimmingCharacters(in: .whitespacesAndNewlines) { differ += 1 }
            if s.trimmingScalars(where: { $0 == "+" || $0 == "-" }) != s.trimmingCharacters(in: CharacterSet(charactersIn: "+-")) { differ += 1 }
        }
        XCTAssertEqual(differ, 0)
    }

    /// Known answers where the literal search is the point: a line feed inside CR LF, a
    /// combining mark on its own, a precomposed é that is not e + U+0301.
    func testScalarsAreMatchedLiterally() {
        XCTAssertEqual("a\r\nb\nc".componentsLiteral(separatedBy: "\n"), ["a\r", "b", "c"])
        XCTAssertEqual("x\r\ny".replacingLiteral("\n", with: " "), "x\r y")
        XCTAssertEqual("e\u{301}".replacingLiteral("\u{301}", with: ""), "e")
        XCTAssertNil("e\u{301}".literalRange(of: "é"))
        XCTAssertEqual("a,,b,".componentsLiteral(separatedBy: ","), ["a", "", "b", ""])
        XCTAssertEqual("abc".componentsLiteral(separatedBy: ""), ["abc"])
        XCTAssertEqual("abc".replacingLiteral("", with: "x"), "abc")
        XCTAssertEqual("aaa".replacingLiteral("aa", with: "b"), "ba")
    }

    func testPaddingMatchesNSString() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<5_000 {
            let s = (0..<Int(rng.next() % 10)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            let n = Int(rng.next() % 16)
            XCTAssertEqual(s.rightPadded(n), s.padding(toLength: n, withPad: " ", startingAt: 0), "\(Array(s.unicodeScalars)) to \(n)")
        }
        XCTAssertEqual("←/→".rightPadded(5), "←/→  ")
        XCTAssertEqual("7".leftPadded(3), "  7")
    }

    func testPathNamesMatchNSString() {
        let parts = ["a", "b.csv", ".", "..", "/", ".tsv", "x.", "data.CSV", "é.dat", "run 1.txt", "c.d.e"]
        var rng = SplitMix64(seed: 10)
        for _ in 0..<20_000 {
            let path = (0..<Int(rng.next() % 5)).map { _ in parts[Int(rng.next() % UInt64(parts.count))] }.joined()
            // Runs of slashes are left to the known answers: NSString traps on some ("///a//").
            guard !path.contains("//") else { continue }
            let ns = path as NSString
            XCTAssertEqual(PathName.lastComponent(path), ns.lastPathComponent, path)
            XCTAssertEqual(PathName.lowercasedExtension(path), (ns.lastPathComponent as NSString).pathExtension.lowercased(), path)
        }
        for (path, last) in [("a//b", "b"), ("a//", "a"), ("//", ""), ("///", ""), ("/", "/"), ("//a", "a"), ("", "")] {
            XCTAssertEqual(PathName.lastComponent(path), last, path)
        }
        XCTAssertEqual(PathName.lowercasedExtension("dsc/Run.CSV"), "csv")
        XCTAssertEqual(PathName.lowercasedExtension(".csv"), "")
        XCTAssertEqual(PathName.lowercasedExtension("a.b."), "")
    }

    /// Every conversion the code uses, at values of every magnitude (and the specials), gives
    /// Foundation's text.
    func testPrintfMatchesStringFormat() {
        var rng = SplitMix64(seed: 11)
        let formats = ["%.6g", "%.7g", "%.3g", "%.4g", "%g", "%.0f", "%.1f", "%.2f", "%.3f", "%.7f", "%.12f", "%8.2f",
                       "%11.5f", "%14.6f", "%18.5f", "%7.6f", "%12.2f", "%21.2f", "%.17g", "%.3e"]
        for _ in 0..<20_000 {
            let v: Double
            switch rng.next() % 4 {
            case 0: v = Double(bitPattern: rng.next())                            // any Double, NaN and ∞ included
            case 1: v = (Double(rng.next() % 2_000_001) - 1_000_000) / 1000       // a reading to three decimals
            case 2: v = Double(rng.next() % 1_000_000) * 0.005                    // ties of the last digit
            default: v = [0.0, -0.0, .infinity, -.infinity, .nan, 1e300, 0x1p-1074, 0.5, 2.5, -0.125][Int(rng.next() % 10)]
            }
            let f = formats[Int(rng.next() % UInt64(formats.count))]
            XCTAssertEqual(CFormat.printf(f, v), String(format: f, v), "\(f) of \(v)")
        }
        XCTAssertEqual(CFormat.printf("lines %d–%d, %.1f min at %.1f K", 12, 40, 2.25, 450.0), "lines 12–40, 2.2 min at 450.0 K")
        XCTAssertEqual(CFormat.printf("%.2f", 1e300).count, 304)   // longer than the first buffer
    }

    /// The C library's number conversions read the locale (a German one writes and reads 1,5); the
    /// explorer sets the user's locale for the terminal. `printf` and the parser's strtod fallback
    /// give the C locale's text and value whatever this thread's locale is.
    func testNumbersIgnoreTheLocale() throws {
        let locale = try CommaDecimalLocale.make()
        defer { freelocale(locale) }
        let saved = uselocale(locale)
        defer { uselocale(saved) }
        XCTAssertEqual(String(cString: localeconv().pointee.decimal_point), ",", "the test's locale writes a decimal comma")
        var buffer = [CChar](repeating: 0, count: 32)
        _ = withVaList([1.5]) { vsnprintf(&buffer, 32, "%.2f", $0) }
        XCTAssertEqual(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), "1,50",
                       "vsnprintf follows the thread's locale")
        XCTAssertEqual(CFormat.printf("%.2f", 1.5), "1.50")
        XCTAssertEqual(Format.shortNumber(0.1234567), "0.123457")
        // 25 significant digits: more than the fast path takes, so strtod decides.
        let text = "0.1234567890123456789012345"
        XCTAssertEqual(NumberParser.parse(text), 0.1234567890123456789012345)
        XCTAssertEqual(NumberParser.parse(text), Double(text))   // Swift's own reading, always in the C locale
    }
}

/// A locale with a decimal comma (de_DE), compiled by `localedef` into a temporary directory: the
/// machines this runs on install only C and POSIX. `.ci/run` installs the `locales` package, which
/// has localedef's sources, when a machine lacks them.
enum CommaDecimalLocale {
    struct Unavailable: Error, CustomStringConvertible {
        let status: Int32
        var description: String { "localedef (exit status \(status)) made no de_DE locale: install the locales package" }
    }

    static func make() throws -> locale_t {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-locale-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        p.arguments = ["-i", "de_DE", "-f", "UTF-8", dir.appendingPathComponent("de_DE.UTF-8").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        setenv("LOCPATH", dir.path, 1)
        defer { unsetenv("LOCPATH") }
        guard let l = newlocale(1 << LC_NUMERIC, "de_DE.UTF-8", nil) else { throw Unavailable(status: p.terminationStatus) }
        return l
    }
}
