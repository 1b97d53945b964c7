import Foundation
import GlassIO
import GlassKit
import XCTest

/// Every real frequency sweep of Tests/Fixtures/real/dma-tts (GABO Eplexor ASCII, pyvisco CSV, TA TRIOS
/// LIMS text) and the frequency-sweep step of Tests/Fixtures/real/trios imports as `dma-fsweep`
/// datasets, one per sweep, with frequencies ascending in Hz, moduli in MPa and the mean measured
/// temperature in K. The other TRIOS containers are refused with one clear line.
final class RealDMAFilesTests: XCTestCase {
    /// Output of `python3 scripts/expected_real_dma.py Tests/Fixtures/real` (an independent numpy reading):
    /// (dataset path, points, first f Hz, last f Hz, first E′, last E′, first E″, last E″ MPa, T K).
    static let expected: [(String, Int, Double, Double, Double, Double, Double, Double, Double)] = [
        ("eplexor-ascii/T0.txt", 60, 0.0999999, 89.1251, 2939.11, 3259.38, 54.5177, 126.243, 270.27449971666664),
        ("eplexor-ascii/T10.txt", 60, 0.0999999, 89.1251, 2862.1, 3078.66, 40.6483, 92.4591, 281.41747266666664),
        ("eplexor-ascii/T100.txt", 60, 0.0999999, 89.1251, 23.2398, 62.4897, 1.68335, 63.8707, 371.7870566666667),
        ("eplexor-ascii/T105.txt", 60, 0.0999999, 89.1251, 23.0364, 35.2224, 2.78313, 27.805, 376.8508166666667),
        ("eplexor-ascii/T15.txt", 60, 0.0999999, 89.1251, 2817.27, 3007.94, 38.359, 81.4534, 285.6404383333333),
        ("eplexor-ascii/T20.txt", 60, 0.0999999, 89.1251, 2774.95, 2969.99, 38.8292, 72.6218, 290.23454166666664),
        ("eplexor-ascii/T25.txt", 60, 0.0999999, 89.1251, 2720.9, 2908.2, 39.8333, 66.3595, 295.5343966666667),
        ("eplexor-ascii/T30.txt", 60, 0.0999999, 89.1251, 2673.14, 2847.31, 40.112, 60.5814, 300.44762333333324),
        ("eplexor-ascii/T35.txt", 60, 0.0999999, 89.1251, 2615.84, 2782.24, 41.1854, 56.3119, 305.6712233333332),
        ("eplexor-ascii/T40.txt", 60, 0.0999999, 89.1251, 2559.65, 2699.73, 43.6535, 51.0773, 310.4501333333333),
        ("eplexor-ascii/T45.txt", 60, 0.0999999, 89.1251, 2445.92, 2630.83, 59.3223, 53.114, 315.3243449999999),
        ("eplexor-ascii/T5.txt", 60, 0.0999999, 89.1251, 2893.83, 3169.71, 43.193, 111.054, 275.2205036666666),
        ("eplexor-ascii/T50.txt", 60, 0.0999999, 89.1251, 2347.49, 2538.38, 64.1165, 54.2897, 320.50139666666666),
        ("eplexor-ascii/T55.txt", 60, 0.0999999, 89.1251, 2178.99, 2457.5, 86.3127, 57.4365, 325.4136366666666),
        ("eplexor-ascii/T60.txt", 60, 0.0999999, 89.1251, 2108.58, 2378.42, 94.7377, 55.8045, 329.84608166666663),
        ("eplexor-ascii/T65.txt", 60, 0.0999999, 89.1251, 1932.56, 2277.53, 126.07, 63.4447, 334.90423999999996),
        ("eplexor-ascii/T70.txt", 60, 0.0999999, 89.1251, 1611.9, 2133.46, 196.535, 75.4438, 340.0508899999999),
        ("eplexor-ascii/T75.txt", 60, 0.0999999, 89.1251, 920.423, 1877.73, 308.586, 110.129, 345.2344483333334),
        ("eplexor-ascii/T80.txt", 60, 0.0999999, 89.1251, 184.871, 1418.28, 164.177, 176.942, 350.4770533333333),
        ("eplexor-ascii/T85.txt", 60, 0.0999999, 89.1251, 41.5175, 930.859, 29.0715, 252.805, 355.74962333333326),
        ("eplexor-ascii/T90.txt", 60, 0.0999999, 89.1251, 26.2591, 458.405, 7.46249, 253.223, 361.0838699999999),
        ("eplexor-ascii/T95.txt", 60, 0.0999999, 89.1251, 24.2421, 170.913, 3.38777, 154.398, 366.38147666666663),
        ("pyvisco_freq_user_raw.csv#set0", 10, 0.1, 100.0, 8097.175545, 9228.633356, 93.07449045, 407.0247241, 223.24058999999997),
        ("pyvisco_freq_user_raw.csv#set1", 10, 0.1, 100.0, 8438.976092, 8974.480135, 87.12566618, 396.2707932, 230.69908999999998),
        ("pyvisco_freq_user_raw.csv#set2", 10, 0.1, 100.0, 8194.023606, 8735.188062, 113.256622, 379.9819076, 238.22968999999998),
        ("pyvisco_freq_user_raw.csv#set3", 10, 0.1, 100.0, 8013.000916, 8493.610512, 121.980262, 362.6375525, 245.73991999999998),
        ("pyvisco_freq_user_raw.csv#set4", 10, 0.1, 100.0, 7889.336773, 8248.301101, 150.4010555, 343.3813663, 253.16052999999997),
        ("pyvisco_freq_user_raw.csv#set5", 10, 0.1, 100.0, 7729.192302, 7995.739574, 189.7414189, 327.0136186, 260.84973),
        ("pyvisco_freq_user_raw.csv#set6", 10, 0.1, 100.0, 7355.86341, 7738.785759, 214.0223774, 316.9535921, 268.38830099999996),
        ("pyvisco_freq_user_raw.csv#set7", 10, 0.1, 100.0, 6771.782922, 7458.231001, 240.2510983, 314.6121463, 275.659449),
        ("pyvisco_freq_user_raw.csv#set8", 10, 0.1, 100.0, 6356.331384, 7155.522726, 268.2358956, 318.6568977, 283.09531),
        ("pyvisco_freq_user_raw.csv#set9", 10, 0.1, 100.0, 5983.471376, 6766.961727, 330.3616619, 333.1392761, 290.99755999999996),
        ("pyvisco_freq_user_raw.csv#set10", 10, 0.1, 100.0, 5371.470844, 6348.481816, 371.9058432, 359.1912327, 298.12818),
        ("pyvisco_freq_user_raw.csv#set11", 10, 0.1, 100.0, 4596.366433, 5796.253545, 426.5148853, 399.25665, 305.61181999999997),
        ("pyvisco_freq_user_raw.csv#set12", 10, 0.1, 100.0, 3559.704139, 5070.381533, 471.4471089, 454.5800467, 313.11901),
        ("pyvisco_freq_user_raw.csv#set13", 10, 0.1, 100.0, 2387.425014, 4196.406132, 497.8008086, 510.57753, 320.63736),
        ("pyvisco_freq_user_raw.csv#set14", 10, 0.1, 100.0, 1481.478596, 3443.382699, 415.8083428, 537.5953929, 328.11676),
        ("pyvisco_freq_user_raw.csv#set15", 10, 0.1, 100.0, 910.3447771, 2737.80329, 301.1468977, 540.2293812, 335.62305),
        ("pyvisco_freq_user_raw.csv#set16", 10, 0.1, 100.0, 570.8900535, 2112.024949, 186.8811201, 522.9177937, 343.13505999999995),
        ("pyvisco_freq_user_raw.csv#set17", 10, 0.1, 100.0, 395.3765027, 1562.466937, 106.5295259, 473.2573352, 350.63316),
        ("pyvisco_freq_user_raw.csv#set18", 10, 0.1, 100.0, 312.6420012, 1119.642267, 60.5163711, 397.5153524, 358.10204999999996),
        ("pyvisco_freq_user_raw.csv#set19", 10, 0.1, 100.0, 274.8175875, 795.1429644, 36.53139339, 307.8794145, 365.60774),
        ("pyvisco_freq_user_raw.csv#set20", 10, 0.1, 100.0, 256.5478707, 585.8391184, 25.24112906, 223.41197, 373.13518999999997),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step1", 17, 0.100000001490116, 20.0, 0.010044287109375, 0.03354712109375, 0.00328556372070312, 0.012430166015625, 423.1353533576518),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step2", 17, 0.100000001490116, 20.0, 0.0111025234375, 0.03737815625, 0.00375943359375, 0.013770375, 413.1445885153377),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step3", 17, 0.100000001490116, 20.0, 0.0122384580078125, 0.04157945703125, 0.0043626923828125, 0.0151751494140625, 403.14753076889934),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step4", 17, 0.100000001490116, 20.0, 0.0137309912109375, 0.04640748046875, 0.00512619580078125, 0.016913046875, 393.14994075999533),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step5", 17, 0.100000001490116, 20.0, 0.0155700390625, 0.05186694140625, 0.0059789462890625, 0.01926403515625, 383.1508239746093),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step6", 17, 0.100000001490116, 20.0, 0.01795599609375, 0.05839716796875, 0.0069913515625, 0.022773505859375, 373.1530584896312),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step7", 17, 0.100000001490116, 20.0, 0.0210607265625, 0.066606953125, 0.0082013828125, 0.02849996875, 363.15546937830305),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step8", 17, 0.100000001490116, 20.0, 0.0250930234375, 0.07785796875, 0.0095661103515625, 0.03828725, 353.1564706241383),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step9", 17, 0.100000001490116, 20.0, 0.030220443359375, 0.0948825078125, 0.0110851298828125, 0.05577442578125, 343.1588240679572),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step10", 17, 0.100000001490116, 20.0, 0.036708796875, 0.12350425, 0.0129299765625, 0.0879531015625, 333.15864724551926),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step11", 17, 0.100000001490116, 20.0, 0.04490106640625, 0.17600065625, 0.0156694921875, 0.14998659375, 323.1592941732967),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step12", 17, 0.100000001490116, 20.0, 0.055719203125, 0.2811688125, 0.021106708984375, 0.2784203125, 313.1612939722397),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step13", 17, 0.100000001490116, 20.0, 0.0725405390625, 0.514276, 0.03452065234375, 0.572334875, 303.17099990844724),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step14", 17, 0.100000001490116, 20.0, 0.10806209375, 1.122118125, 0.07107903125, 1.325120375, 293.15564664952893),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step15", 17, 0.100000001490116, 20.0, 0.201761859375, 3.04751375, 0.17679884375, 3.3268395, 283.1550000583424),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step16", 17, 0.100000001490116, 20.0, 0.508082125, 9.31542, 0.554653125, 8.606703, 273.16552941215986),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step17", 17, 0.100000001490116, 20.0, 2.031407875, 31.807378, 2.3425205, 23.504426, 263.1593530206119),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step18", 17, 0.100000001490116, 20.0, 11.831685, 112.786632, 10.694756, 50.046484, 253.15511764077576),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step19", 17, 0.100000001490116, 20.0, 69.432136, 301.61952, 40.336688, 47.915264, 243.15629391389731),
        ("hermes_tutorial4_frequency_sweep_tts.txt#step20", 17, 0.100000001490116, 20.0, 260.040528, 546.90528, 75.069952, -29.868376, 233.1534116857192),
        ("hermes_trios_multi_technique.txt#step2", 29, 0.0100000005154347, 100.000001872062, 0.0148731943359375, 0.017995853515625, 0.00138456420898437, -0.00116959899902344, 298.1497930855586),
    ]
    /// From the same script: sweeps whose measured temperature spans more than 1 K.
    static let spreadOver1K: Set<String> = ["eplexor-ascii/T0.txt", "eplexor-ascii/T10.txt", "eplexor-ascii/T105.txt", "eplexor-ascii/T15.txt", "eplexor-ascii/T20.txt", "eplexor-ascii/T25.txt", "eplexor-ascii/T30.txt", "eplexor-ascii/T35.txt", "eplexor-ascii/T45.txt", "eplexor-ascii/T5.txt", "eplexor-ascii/T55.txt"]
    /// From the same script: sweeps with a storage or loss modulus ≤ 0.
    static let nonPositiveModulus: Set<String> = ["hermes_tutorial4_frequency_sweep_tts.txt#step20", "hermes_trios_multi_technique.txt#step2"]

    /// Where each file lives below Tests/Fixtures/real.
    static func sharedPath(_ file: String) -> String {
        if file.hasPrefix("eplexor-ascii/") { return "dma-tts/" + file }
        if file.hasPrefix("pyvisco") { return "dma-tts/pyvisco-eplexor/" + file }
        if file.hasPrefix("hermes_tutorial4") { return "dma-tts/trios-lims/" + file }
        return "trios/" + file
    }

    /// The file part of a dataset path (`a.csv#set3` → `a.csv`).
    static func file(of path: String) -> String { String(path.prefix { $0 != "#" }) }

    func testEverySweepOfEveryRealFileImports() throws {
        var files: [String] = []
        for e in Self.expected where !files.contains(Self.file(of: e.0)) { files.append(Self.file(of: e.0)) }
        XCTAssertEqual(files.count, 22 + 1 + 1 + 1, "22 Eplexor files, pyvisco, TRIOS LIMS, TRIOS multi-technique")
        for file in files {
            let url = try SharedData.url(Self.sharedPath(file))
            let (datasets, source) = try StudyLoader.loadFile(absolute: url.path, relative: file, overrides: [:])
            let want = Self.expected.filter { Self.file(of: $0.0) == file }
            XCTAssertEqual(datasets.map { $0.path }, want.map { $0.0 }, "\(file): one dataset per sweep, in file order")
            XCTAssertEqual(source.path, file)
            XCTAssertEqual(source.sha256.count, 64)
            XCTAssertEqual(source.kind, .dmaFSweep)
            XCTAssertEqual(source.state, "as-cast", "no state given: README's default rule")
            for (d, (path, n, f0, f1, s0, s1, l0, l1, t)) in zip(datasets, want) {
                XCTAssertEqual(d.kind, .dmaFSweep, path)
                XCTAssertEqual(d.count, n, "\(path): points")
                XCTAssertEqual(d.storageMPa.count, n, path)
                XCTAssertEqual(d.lossMPa.count, n, path)
                XCTAssertTrue(zip(d.frequencyHzValues, d.frequencyHzValues.dropFirst()).allSatisfy { $0 < $1 }, "\(path): ascending")
                // Hz columns are only parsed (exact); rad/s ones are multiplied by 1/(2π) where the
                // script divides by 2π: at most a few ulp apart, so 1e-13 relative.
                XCTAssertEqual(d.frequencyHzValues.first ?? 0, f0, accuracy: f0 * 1e-13, path)
                XCTAssertEqual(d.frequencyHzValues.last ?? 0, f1, accuracy: f1 * 1e-13, path)
                // Moduli are in MPa in every one of these files: parsed, factor 1, so the same double.
                XCTAssertEqual(d.storageMPa.first, s0, path)
                XCTAssertEqual(d.storageMPa.last, s1, path)
                XCTAssertEqual(d.lossMPa.first, l0, path)
                XCTAssertEqual(d.lossMPa.last, l1, path)
                // A mean of ≤ 60 values near 300 K: summation order and the +273.15 before or after
                // the sum differ by a few ulp of 300 K (≈ 1e-13 K); 1e-9 K is far below any physics.
                XCTAssertEqual(d.temperatureK ?? 0, t, accuracy: 1e-9, path)
                XCTAssertEqual(d.warnings.contains { $0.contains("measured temperature") }, Self.spreadOver1K.contains(path), "\(path): spread warning")
                XCTAssertEqual(d.warnings.contains { $0.contains("modulus ≤ 0") }, Self.nonPositiveModulus.contains(path), "\(path): ≤ 0 warning")
            }
        }
    }

    func testEplexorDirectoryIsAStudyOf22Isotherms() throws {
        let dir = try SharedData.url("dma-tts/eplexor-ascii")
        let study = try StudyLoader.load(dir.path)
        XCTAssertEqual(study.datasets.count, 22)
        XCTAssertEqual(study.sources.count, 22)
        XCTAssertEqual(Set(study.datasets.map { $0.state }), ["as-cast"])
        XCTAssertEqual(study.warnings.filter { $0.contains("measured temperature") }.count, Self.spreadOver1K.filter { $0.hasPrefix("eplexor") }.count)
        // Tan δ comes from its column; E″/E′ agrees with it to the 6 digits the file prints (≤ 1e-5 relative each).
        let d = try XCTUnwrap(study.datasets.first)
        XCTAssertEqual(d.tanDelta.count, d.count)
        for i in d.tanDelta.indices { XCTAssertEqual(d.tanDelta[i], d.lossMPa[i] / d.storageMPa[i], accuracy: d.tanDelta[i] * 3e-5) }
    }

    func testEplexorTemperatureOverrideWinsOverTheMeasuredMean() throws {
        let url = try SharedData.url("dma-tts/eplexor-ascii/T0.txt")
        let (datasets, _) = try StudyLoader.loadFile(absolute: url.path, relative: "T0.txt", overrides: ["temperature": MetadataEntry("0 °C", line: 0)])
        let d = try XCTUnwrap(datasets.first)
        XCTAssertEqual(d.temperatureK, 273.15)
        XCTAssertFalse(d.warnings.contains { $0.contains("measured temperature") }, "a stated temperature needs no spread warning")
    }

    func testPyviscoIsOneFileOf21Sweeps() throws {
        let url = try SharedData.url("dma-tts/pyvisco-eplexor/pyvisco_freq_user_raw.csv")
        let study = try StudyLoader.load(url.path)
        XCTAssertEqual(study.datasets.count, 21)
        XCTAssertEqual(study.sources.count, 1, "sources: one entry per file")
        XCTAssertEqual(study.datasets.map { $0.path }, (0...20).map { "pyvisco_freq_user_raw.csv#set\($0)" })
        // The sweeps were run from −50 °C upwards in steps of about 7.5 K.
        let t = study.datasets.compactMap { $0.temperatureK }
        XCTAssertEqual(t.count, 21)
        XCTAssertTrue(zip(t, t.dropFirst()).allSatisfy { $1 - $0 > 6 && $1 - $0 < 9 }, "\(t)")
        // study.toml's per-file keys apply to every sweep of the file.
        let (relabelled, source) = try StudyLoader.loadFile(absolute: url.path, relative: "p.csv", overrides: ["state": MetadataEntry("cooled-10", line: 0)])
        XCTAssertEqual(Set(relabelled.map { $0.state }), ["cooled-10"])
        XCTAssertEqual(source.state, "cooled-10")
        // A temperature for the whole file would give 21 sweeps one temperature: refused.
        XCTAssertThrowsError(try StudyLoader.loadFile(absolute: url.path, relative: "p.csv", overrides: ["temperature": MetadataEntry("300", line: 0)])) { e in
            XCTAssertEqual((e as? GlassError)?.kind, .usage, "\(e)")
            XCTAssertTrue("\(e)".contains("21 sweeps"), "\(e)")
        }
    }

    func testTriosLIMSShearModuliAreNotedOnce() throws {
        let url = try SharedData.url("dma-tts/trios-lims/hermes_tutorial4_frequency_sweep_tts.txt")
        let study = try StudyLoader.load(url.path)
        XCTAssertEqual(study.datasets.count, 20)
        XCTAssertEqual(study.warnings.filter { $0.contains("shear moduli") }.count, 1, "\(study.warnings)")
        // The step names give the nominal temperatures 150 → −40 °C; the measured means are within 0.1 K.
        for (k, d) in study.datasets.enumerated() {
            XCTAssertEqual(d.temperatureK ?? 0, 423.15 - 10 * Double(k), accuracy: 0.1, d.path)
        }
    }

    /// TRIOS writes ω in single precision: 1 Hz is 6.28318548 rad/s = 1.0000000278 Hz; its
    /// `Frequency` column in Hz, read instead since the thirty-second round, writes 1. The default
    /// QPD window [0.01, 1] Hz takes that point (ω/2π was left out with ends widened only 1e-9). And
    /// its `Tan(delta)` column (no unit in the units row) is the tan δ read, not E″/E′.
    /// Expected: numpy's polyfit of ln(Tan(delta)) on ln(Frequency) over the file's first 8 rows of
    /// the 150 °C step (0.1 … 1 Hz): slope 0.06597203610935704, stderr 0.003607043185592178 (on
    /// ln(Angular frequency): 0.06597203587089968; E″/E′ instead of the column: 0.06597206520511793).
    func testTriosSinglePrecisionOneHertzIsInsideAWindowEndingAtOneHertz() throws {
        let url = try SharedData.url("dma-tts/trios-lims/hermes_tutorial4_frequency_sweep_tts.txt")
        let study = try StudyLoader.load(url.path)
        let d = try XCTUnwrap(study.datasets.first)
        XCTAssertEqual(d.frequencyHzValues[7], 1, "the file's 1 Hz point, as written")
        XCTAssertEqual(d.tanDelta.first, 0.327107727527618, "the Tan(delta) column")
        let point = try XCTUnwrap(QPDIsotherm(d)?.fit(windowHz: 0.01...1.0))
        XCTAssertEqual(point.count, 8)
        XCTAssertEqual(-point.chi, 0.06597203610935704, accuracy: 1e-12)
        XCTAssertEqual(point.chiStderr, 0.003607043185592178, accuracy: 1e-12)
    }

    func testTriosMultiTechniqueKeepsItsFrequencySweepStep() throws {
        let url = try SharedData.url("trios/hermes_trios_multi_technique.txt")
        let (datasets, _) = try StudyLoader.loadFile(absolute: url.path, relative: "multi.txt", overrides: [:])
        XCTAssertEqual(datasets.map { $0.path }, ["multi.txt#step2"])
        let skipped = try XCTUnwrap(datasets.first?.warnings.first { $0.contains("not frequency sweeps skipped") })
        XCTAssertTrue(skipped.contains("Amplitude sweep - 1") && skipped.contains("Flow ramp - 3"), skipped)
    }

    func testTriosFilesWithoutAFrequencySweepAreRefusedInOneLine() throws {
        let cases = [
            ("trios/tga_data_analysis_CLSOx100_6_TA_TGA5500_trios.txt", "TRIOS export without a frequency sweep"),
            ("trios/tadatakit_trios_json_ARES-G2_strain_sweep_PDMS.json", "not a frequency sweep"),
        ]
        for (name, phrase) in cases {
            let url = try SharedData.url(name)
            XCTAssertThrowsError(try StudyLoader.loadFile(absolute: url.path, relative: name, overrides: [:])) { e in
                guard let g = e as? GlassError else { return XCTFail("\(name): \(e)") }
                XCTAssertEqual(g.kind, .data, name)
                XCTAssertEqual(g.file, name)
                XCTAssertTrue(g.description.contains(phrase), g.description)
                XCTAssertFalse(g.description.contains("\n"), "one line")
            }
        }
    }
}
