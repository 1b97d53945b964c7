import XCTest
@testable import GlassKit

/// Bad input never crashes: thousands of seeded mutations of valid files must each either import
/// or throw a `GlassError` whose text is one line naming the file.
final class ImportRobustnessTests: XCTestCase {
    struct LCG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state }
    }

    static let seeds: [String] = [
        "# kind: dsc\n# state: a\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n400,0.1\n401,0.2\n402,0.15\n403,0.1\n",
        "#EXPORTTYPE:DATA ALL\n#DECIMAL:COMMA\n#SEPARATOR:SEMICOLON\n#EXO:-1\n#SAMPLE MASS /mg:20\n#SEG. 1:27°C/20,0(K/min)/327°C\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n27,0;0;0,1;1\n28,0;0,05;0,11;1\n29,0;0,1;0,12;1\n",
        "Sample\tx\nSize\t9.0\tmg\nExotherm\tUp\nSig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (mW)\nStartOfData\n-1\t0\t0\n1\t20\t-1\n2\t22\t-1.1\n3\t24\t-1.2\n",
        "# kind: dma-fsweep\n# temperature: 400 K\nf/Hz,E'/MPa,E''/MPa,tan_delta\n0.1,30000,300,0.01\n1,30100,310,0.0103\n10,30200,320,0.0106\n",
        "Time,Temperature,Heat Flow\n[s],[K],[W/g]\n0,300,0.1\n1,300.5,0.11\n2,301,0.12\n",
    ]

    func testMutatedFilesNeverCrash() {
        var rng = LCG(state: 42)
        var imported = 0, refused = 0
        for round in 0..<3000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                guard !bytes.isEmpty else { break }
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: bytes.remove(at: i)
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: i)
                case 2: bytes[i] = [0x2C, 0x3B, 0x09, 0x0A, 0x2D, 0x2E, 0x65, 0x23, 0x30][Int.random(in: 0..<9, using: &rng)]
                case 3: bytes.removeSubrange(i..<bytes.count)
                default: bytes.insert(contentsOf: bytes[i..<min(bytes.count, i + 12)], at: i)
                }
            }
            do {
                let t = try FormatDetector.read(bytes: bytes, path: "m.csv")
                let d = try DatasetBuilder.build(t)
                XCTAssertGreaterThanOrEqual(d.count, 2)
                XCTAssertTrue(d.temperatureKValues.allSatisfy(\.isFinite) && d.heatFlowWPerG.allSatisfy(\.isFinite))
                imported += 1
            } catch let e as GlassError {
                XCTAssertFalse(e.description.contains("\n"))
                XCTAssertTrue(e.description.hasPrefix("m.csv"), e.description)
                refused += 1
            } catch {
                XCTFail("not a GlassError: \(error)")
            }
        }
        // Both outcomes occur, so the mutations exercise the importers and their refusals.
        XCTAssertGreaterThan(imported, 100)
        XCTAssertGreaterThan(refused, 100)
    }
}
