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
        // Multi-sweep formats: pyvisco `Set` CSV, Eplexor ASCII, TRIOS LIMS and classic text.
        "\u{FEFF}f,E_stor,E_loss,T,Set\nHz, MPa, MPa, C, -\n0.1,8000,90,-50,0\n1,8500,110,-50,0\n0.1,7000,200,20,1\n1,7500,250,20,1\n",
        "  Index   Ts   f   Tr   E'   E\"   tan_delta\n  [#]  [°C]  [Hz]  [°C]  [MPa]  [MPa]  []\n  0  1.0  0.1  0  1000  20  0.02\n  1  2.0  1.0  0  2000  20  0.01\n]1[RUN\n",
        "[Version]\n[Step]\nStep name\tFrequency sweep (100.0 °C)\nNumber of points\t2\nVariables\tTemperature\tAngular frequency\tStorage modulus\tLoss modulus\nUnits\t°C\trad/s\tPa\tPa\nData point\t100\t1\t2000\t300\nData point\t100\t10\t3000\t400\n",
        "Filename\tx\n[step]\nFrequency sweep - 1\nAngular frequency\tTemperature\tStorage modulus\tLoss modulus\nrad/s\t°C\tMPa\tMPa\n1\t25\t2\t0.3\n10\t25\t3\t0.4\n",
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
                let tables = try FormatDetector.read(bytes: bytes, path: "m.csv")
                XCTAssertFalse(tables.isEmpty)
                for t in tables {
                    let d = try DatasetBuilder.build(t)
                    XCTAssertGreaterThanOrEqual(d.count, 2)
                    XCTAssertTrue(d.temperatureKValues.allSatisfy(\.isFinite) && d.heatFlowWPerG.allSatisfy(\.isFinite))
                    XCTAssertTrue(d.frequencyHzValues.allSatisfy(\.isFinite) && (d.temperatureK ?? 0).isFinite)
                }
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
