import XCTest
@testable import GlassKit

/// The rules that make one number of several files (method reference §2–§3): the reference
/// state of a state baseline, the common heating rate, the composition, one cooling rate per
/// state, and the warnings that say which rule was applied.
final class DSCStudyRulesTests: XCTestCase {
    /// The reference state of `state:LABEL` gets 0 with every one of its files: its second file
    /// is not measured against its first. The other states are measured against the mean of its files.
    func testTheReferenceStateGetsZeroWithSeveralFiles() throws {
        let a = DSCFixture.dataset("ref-a.csv", state: "ref", coolingRate: 5) { _ in 0.10 }
        let b = DSCFixture.dataset("ref-b.csv", state: "ref", coolingRate: 5) { _ in 0.13 }
        let s = DSCFixture.dataset("s.csv", state: "s", coolingRate: 10) { _ in 0.11 }
        var p = try DSCPrepared.prepare([a, b, s])
        for cached in [false, true] {
            if cached { p.cacheBaseline("ref") }
            let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .state("ref"), molarMassGPerMol: nil)
            let ref = try XCTUnwrap(r.states.first { $0.state == "ref" })
            XCTAssertEqual(ref.perFileJPerG, [0, 0], "cached \(cached)")
            XCTAssertEqual(ref.dHJPerG, 0)
            // 0.11 − (0.10 + 0.13)/2 = −0.005 W/g over 80 K at 1/3 K/s: −1.2 J/g.
            XCTAssertEqual(try XCTUnwrap(r.states.first { $0.state == "s" }).dHJPerG, -1.2, accuracy: 1e-12)
        }
    }

    /// Instrument exports that state no state and no cooling rate are as-cast by default; pooled
    /// there with the as-cast run (probe of the thirty-second round: a NETZSCH and a TRIOS export
    /// of cooled samples averaged into as-cast's ΔH_rej without a word), they are named.
    func testUnlabelledFilesPooledIntoAStateAreNamed() throws {
        func read(_ text: String, _ path: String) throws -> Dataset {
            try XCTUnwrap(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
        }
        let rows = stride(from: 400, through: 520, by: 1).map { "\($0),0.1\n" }.joined()
        let labelled = try read("# state: as-cast\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows, "dsc/as-cast.csv")
        let q5 = try read("# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows, "dsc/Kühlrate 5.txt")
        let q10 = try read("# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows, "dsc/q10.txt")
        XCTAssertTrue(q5.stateDefaulted && !labelled.stateDefaulted)
        XCTAssertEqual(q5.state, "as-cast")
        let pooled = Study(name: "s", datasets: [labelled, q5, q10]).warnings
        XCTAssertEqual(pooled.filter { $0.contains("no state and no cooling rate") },
                       ["dsc/Kühlrate 5.txt, dsc/q10.txt: no state and no cooling rate stated: read as as-cast, with dsc/as-cast.csv, one state (their ΔH_rej averaged); give each its state or cooling_rate (study.toml [files.\"…\"]) if they differ"])
        // One run alone, or runs that state their state or rate, are said nothing of.
        XCTAssertFalse(Study(name: "s", datasets: [q5]).warnings.contains { $0.contains("no state") })
        XCTAssertFalse(Study(name: "s", datasets: [labelled]).warnings.contains { $0.contains("no state") })
    }

    /// A file of the reference state at a rate no sample is heated at, covering less than the
    /// bounds (probe of the thirty-second round): it is 0 by definition, and stopped the study
    /// with "T_s … is outside the data range … (overlap with the baseline state)".
    func testAReferenceFileNoSampleUsesDoesNotBoundTheStudy() throws {
        let ref10 = DSCFixture.dataset("ref10.csv", state: "ref", heatingRate: 10, from: 305, to: 595) { _ in 0.10 }
        let ref20 = DSCFixture.dataset("ref20.csv", state: "ref", heatingRate: 20, from: 310, to: 590) { _ in 0.20 }
        let s = DSCFixture.dataset("s.csv", state: "s", coolingRate: 10, heatingRate: 10, from: 300, to: 600) { _ in 0.11 }
        let p = try DSCPrepared.prepare([ref10, ref20, s])
        try RejuvenationEnthalpy.checkBound(p, 306, isEnd: false, baseline: .state("ref"))
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 306, teK: 500, baseline: .state("ref"), molarMassGPerMol: nil)
        XCTAssertEqual(r.states.first { $0.state == "ref" }?.perFileJPerG, [0, 0])
        // (0.11 − 0.10) W/g over 194 K at 10 K/min (1/6 K/s).
        let sample = try XCTUnwrap(r.states.first { $0.state == "s" }?.dHJPerG)
        XCTAssertEqual(sample, 0.01 * 194 * 6, accuracy: 1e-9)
        // A sample's own range still bounds the study: T_s below the reference it is measured against.
        XCTAssertThrowsError(try RejuvenationEnthalpy.evaluate(p, tsK: 303, teK: 500, baseline: .state("ref"), molarMassGPerMol: nil))
    }

    /// `state:LABEL` with several reference files: B is the mean of those heated at the sample's
    /// rate, each interpolated at the sample's temperatures inside the range all of them cover
    /// (files on three different grids). Expected values from numpy (np.interp, np.trapezoid with
    /// interpolated ends; scripts/expected_state_baseline_mean.py): 2.8822545476566748 J/g against the mean,
    /// which is the mean of the differences from each file (3.273966147795477 and
    /// 2.490542947517872; ΔH_rej is linear in B). A file at another rate (10 K/min) is no part of
    /// it; a sample heated at a rate the reference lacks (40 K/min) gets the mean of the files at
    /// the rate of its first (numpy: 7.386516198045004 J/g) and a warning naming them.
    func testStateBaselineIsTheMeanOfTheReferenceFilesAtTheSampleRate() throws {
        let a = DSCFixture.dataset("ref-a.csv", state: "ref", from: 300, to: 600, step: 0.3) { 0.02 + 1e-4 * ($0 - 300) + 0.004 * sin($0 / 7) }
        let b = DSCFixture.dataset("ref-b.csv", state: "ref", from: 301, to: 598, step: 0.21) { 0.025 + 0.9e-4 * ($0 - 300) + 0.003 * cos($0 / 5) }
        let slow = DSCFixture.dataset("ref-slow.csv", state: "ref", heatingRate: 10) { _ in 5 }
        let w: (Double) -> Double = { t in 0.03 + 1e-4 * (t - 300) + 0.02 * exp(-((t - 460) / 8) * ((t - 460) / 8)) }
        let s = DSCFixture.dataset("s.csv", state: "s", coolingRate: 10, from: 299.9, to: 600, step: 0.2, w)
        let fast = DSCFixture.dataset("s40.csv", state: "q", coolingRate: 20, heatingRate: 40, from: 299.9, to: 600, step: 0.2) { 2 * w($0) }
        var p = try DSCPrepared.prepare([a, b, slow, s, fast])
        let sample = try XCTUnwrap(p.state("s")?.curves.first)
        XCTAssertEqual(p.referenceCurves("ref", for: sample).map(\.path), ["ref-a.csv", "ref-b.csv"])
        let d = try XCTUnwrap(p.differenceCurve(sample, baseline: .state("ref")))
        XCTAssertEqual(d.domain?.lowerBound ?? .nan, 299.9 + 6 * 0.2, "the first sample point inside both reference files")
        XCTAssertEqual(d.domain?.upperBound ?? .nan, 299.9 + 1490 * 0.2, "the last sample point inside both reference files")
        for cached in [false, true] {
            if cached { p.cacheBaseline("ref") }
            let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .state("ref"), molarMassGPerMol: nil)
            XCTAssertEqual(try XCTUnwrap(r.states.first { $0.state == "ref" }).perFileJPerG, [0, 0, 0], "cached \(cached)")
            XCTAssertEqual(try XCTUnwrap(r.states.first { $0.state == "s" }).dHJPerG, 2.8822545476566748, accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(r.states.first { $0.state == "s" }).dHJPerG, 0.5 * (3.273966147795477 + 2.490542947517872), accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(r.states.first { $0.state == "q" }).dHJPerG, 7.386516198045004, accuracy: 1e-12)
            XCTAssertTrue(r.warnings.contains("s40.csv: state 'ref' has no curve at 40 K/min: the mean of its 2 files at 20 K/min (ref-a.csv, ref-b.csv) is the baseline, though W scales with the heating rate"), "\(r.warnings)")
        }
    }

    /// Rates within 1 % are one rate (a rate estimated from a time column against a stated one):
    /// the study's heating rate is their median and no warning is given; beyond 1 % there is none,
    /// and the warning lists each shown rate once.
    func testHeatingRatesWithinOnePercentAreOneRate() throws {
        func study(_ rates: [Double]) throws -> DSCResult {
            let ds = rates.enumerated().map { k, rate in
                DSCFixture.dataset("f\(k).csv", state: "s\(k)", coolingRate: Double(k + 1), heatingRate: rate) { _ in 0.1 }
            }
            return try RejuvenationEnthalpy.evaluate(try DSCPrepared.prepare(ds), tsK: 420, teK: 500, baseline: .none, molarMassGPerMol: 100)
        }
        let close = try study([20, 20.00003, 20, 19.99998])
        XCTAssertEqual(close.heatingRateKPerMin, 20)
        XCTAssertFalse(close.warnings.contains { $0.contains("different rates") }, "\(close.warnings)")
        XCTAssertEqual(HeatingRates.common([20.1, 20, 20.05]), 20.05)
        XCTAssertEqual(HeatingRates.common([10, 10.05]), 10.025)
        XCTAssertNil(HeatingRates.common([10, 10.2]))
        let far = try study([20, 20.00003, 10])
        XCTAssertNil(far.heatingRateKPerMin)
        XCTAssertTrue(far.warnings.contains("states were heated at different rates (10, 20 K/min)"), "\(far.warnings)")
        // One state whose runs differ: said of that state.
        let one = try RejuvenationEnthalpy.evaluate(try DSCPrepared.prepare([10.0, 20].enumerated().map { k, rate in
            DSCFixture.dataset("g\(k).csv", state: "q", coolingRate: 5, heatingRate: rate) { _ in 0.1 }
        }), tsK: 420, teK: 500, baseline: .none, molarMassGPerMol: 100)
        XCTAssertTrue(one.warnings.contains("the runs of state q were heated at different rates (10, 20 K/min)"), "\(one.warnings)")
    }

    /// Two cooled states at one cooling rate: the S_r warning says why there is no slope.
    func testSrWarningNamesACommonCoolingRate() throws {
        let ds = ["a", "b"].map { DSCFixture.dataset("\($0).csv", state: $0, coolingRate: 10) { _ in 0.1 } }
        let r = try RejuvenationEnthalpy.evaluate(try DSCPrepared.prepare(ds), tsK: 420, teK: 500, baseline: .none, molarMassGPerMol: 100)
        XCTAssertNil(r.sr)
        XCTAssertTrue(r.warnings.contains("S_r: the 2 cooled states share one cooling rate (10 K/min); a slope needs at least 2 different rates"), "\(r.warnings)")
    }

    /// Files that disagree on the composition: the first is used and a warning says so; spellings
    /// of one composition, or a composition in study.toml, give none.
    func testConflictingCompositionsAreSaid() throws {
        func study(_ compositions: [String], settings: StudySettings = StudySettings()) -> Study {
            let ds = compositions.enumerated().map { k, c in
                var d = DSCFixture.dataset("f\(k).csv", state: "s\(k)") { _ in 0.1 }
                d.composition = c
                return d
            }
            return Study(name: "x", datasets: ds, settings: settings)
        }
        let conflict = study(["La30Ce30Ni10Al20Co10", "Cu50Zr50", "La30Ce30Ni10Al20Co10"])
        XCTAssertEqual(conflict.composition, "La30Ce30Ni10Al20Co10")
        XCTAssertEqual(conflict.warnings, ["files give different compositions: La30Ce30Ni10Al20Co10 (f0.csv), Cu50Zr50 (f1.csv); La30Ce30Ni10Al20Co10 is used (set composition in study.toml)"])
        XCTAssertEqual(study(["Cu50Zr50", "Zr50 Cu50"]).warnings, [])
        var settings = StudySettings()
        settings.composition = "Cu50Zr50"
        // study.toml's composition wins, and the file that says otherwise is named (Cu 63.546,
        // Zr 91.222 (CIAAW 2024): 77.384 g/mol; the paper's alloy 100.8654 g/mol).
        XCTAssertEqual(study(["La30Ce30Ni10Al20Co10", "Cu50Zr50"], settings: settings).warnings,
                       ["study.toml's composition Cu50Zr50 (77.384 g/mol) is used; f0.csv gives La30Ce30Ni10Al20Co10 (100.865 g/mol)"])
        XCTAssertEqual(study(["Cu50Zr50", "Zr50Cu50"], settings: settings).warnings, [])
        // A file's molar_mass wins over the compositions, and the composition's mass is named.
        var withMass = study(["Cu50Zr50"]).datasets
        withMass[0].molarMassGPerMol = 50
        XCTAssertEqual(Study(name: "x", datasets: withMass).warnings,
                       ["f0.csv: molar_mass 50 g/mol is used for the study; the composition Cu50Zr50 gives 77.384 g/mol (set molar_mass or composition in study.toml)"])
        // Files that give different molar masses: the first is used, the other named (it was silent).
        var twoMasses = study(["", ""]).datasets.map { d -> Dataset in var d = d; d.composition = nil; return d }
        twoMasses[0].molarMassGPerMol = 100
        twoMasses[1].molarMassGPerMol = 50
        XCTAssertEqual(Study(name: "x", datasets: twoMasses).warnings,
                       ["f0.csv: molar_mass 100 g/mol is used for the study; f1.csv gives 50 g/mol (set molar_mass in study.toml)"])
        // study.toml's molar_mass wins, and a composition that says otherwise is named (it was silent).
        var given = StudySettings()
        given.molarMassGPerMol = 50
        XCTAssertEqual(study(["Cu50Zr50"], settings: given).warnings,
                       ["study.toml's molar_mass 50 g/mol is used for the study; the composition Cu50Zr50 gives 77.384 g/mol"])
        // …and so is a file's molar_mass that says otherwise.
        var fileMass = study(["", ""]).datasets.map { d -> Dataset in var d = d; d.composition = nil; return d }
        fileMass[1].molarMassGPerMol = 50
        XCTAssertEqual(Study(name: "x", datasets: fileMass, settings: given).warnings, [], "the same mass: no warning")
        fileMass[1].molarMassGPerMol = 40
        XCTAssertEqual(Study(name: "x", datasets: fileMass, settings: given).warnings,
                       ["study.toml's molar_mass 50 g/mol is used for the study; f1.csv gives 40 g/mol"])
        given.molarMassGPerMol = 77.384
        XCTAssertEqual(study(["Cu50Zr50"], settings: given).warnings, [], "the same mass: no warning")
        // study.toml's composition wins over a file's molar_mass (SPEC §2.3: study.toml before
        // the files), and the file is named without advice to set what is set.
        var mass80 = study(["Cu50Zr50"]).datasets
        mass80[0].molarMassGPerMol = 80
        let tomlComposition = Study(name: "x", datasets: mass80, settings: settings)
        XCTAssertEqual(try XCTUnwrap(try tomlComposition.molarMassGPerMol()), 77.384, accuracy: 1e-12)
        XCTAssertEqual(tomlComposition.warnings, ["study.toml's composition Cu50Zr50 (77.384 g/mol) is used; f0.csv gives molar_mass 80 g/mol"])
        XCTAssertEqual(try Study(name: "x", datasets: mass80).molarMassGPerMol(), 80)
    }

    /// A molar mass is read in its unit: `0.1009 kg/mol` is 100.9 g/mol, and a unit that is no
    /// molar mass is refused (the unit was dropped: `0.1009 kg/mol` gave S_r a thousand-fold small).
    func testMolarMassesAreReadInTheirUnit() {
        XCTAssertEqual(MetadataValue.molarMass("0.1009 kg/mol"), 100.9)
        XCTAssertEqual(MetadataValue.molarMass("100.9 g/mol"), 100.9)
        XCTAssertEqual(MetadataValue.molarMass("100.9 g·mol⁻¹"), 100.9)
        XCTAssertEqual(MetadataValue.molarMass("100.9 g mol-1"), 100.9)
        XCTAssertEqual(MetadataValue.molarMass("100.9"), 100.9)
        XCTAssertNil(MetadataValue.molarMass("100 mg"))
        XCTAssertNil(MetadataValue.molarMass("100.9 K"))
        XCTAssertNil(MetadataValue.molarMass("2e6 g/mol"))
        XCTAssertNil(MetadataValue.molarMass("1e-300 g/mol"))
        XCTAssertTrue(MetadataValue.same("molar_mass", "0.1009 kg/mol", "100.9"))
    }

    /// Files of one state that name different samples, and files with the same bytes, are said.
    func testPooledSamplesAndRepeatedFilesAreSaid() {
        var a = DSCFixture.dataset("a.txt", state: "as-cast") { _ in 0.1 }
        a.sampleName = "Vit105 as-cast"
        var b = DSCFixture.dataset("b.txt#2Hz", state: "as-cast") { _ in 0.1 }
        b.sampleName = "Vit105 annealed"
        var c = DSCFixture.dataset("c.txt", state: "as-cast") { _ in 0.1 }
        c.sampleName = "Vit105 as-cast"
        let sources = [SourceFile(path: "a.txt", sha256: "ab", kind: .dsc, state: "as-cast"),
                       SourceFile(path: "c.txt", sha256: "ab", kind: .dsc, state: "as-cast")]
        XCTAssertEqual(Study(name: "x", datasets: [a, b, c], sources: sources).warnings,
                       ["state as-cast holds files of 2 samples (Vit105 as-cast: a.txt; Vit105 annealed: b.txt#2Hz), analysed as one state; "
                        + "give each file its state in study.toml if they differ",
                        "c.txt holds the same bytes as a.txt (SHA-256): both are read"])
    }

    /// A heat–cool–reheat export copied so that study.toml reads its first heating as the sample
    /// and the reheat as the crystalline run: the copies' same bytes are meant, not said. Copies
    /// read at the same lines still are, whichever way study.toml chose them.
    func testCopiesReadAsDifferentPartsAreNotSaidAsRepeated() {
        var a = DSCFixture.dataset("c10.txt", state: "cooled-10") { _ in 0.1 }
        a.partUsed = "the heating run 300 → 600 K (lines 40–340) of the file's 2 heating runs; `run` in study.toml chooses another"
        var b = DSCFixture.dataset("c10-run2.txt", state: "cooled-10") { _ in 0.1 }
        b.role = .crystalline
        b.partUsed = "the heating run 300 → 600 K (lines 700–1000) of the file's 2 heating runs"
        let sources = [SourceFile(path: "c10.txt", sha256: "ab", kind: .dsc, state: "cooled-10"),
                       SourceFile(path: "c10-run2.txt", sha256: "ab", kind: .dsc, state: "cooled-10")]
        XCTAssertEqual(Study(name: "x", datasets: [a, b], sources: sources).warnings, [])
        b.partUsed = "the heating run 300 → 600 K (lines 40–340) of the file's 2 heating runs"
        XCTAssertEqual(Study(name: "x", datasets: [a, b], sources: sources).warnings,
                       ["c10-run2.txt holds the same bytes as c10.txt (SHA-256): both are read"])
    }

    /// One state has one cooling rate, in DMA files as in DSC ones: two rates are a data error
    /// naming the second file; a DMA file without a rate takes its state's.
    func testOneCoolingRatePerStateInDMAAsInDSC() throws {
        func sweep(_ path: String, _ rate: Double?) -> Dataset {
            var d = Dataset(path: path, kind: .dmaFSweep, state: "cooled-10")
            d.coolingRateKPerMin = rate
            return d
        }
        XCTAssertThrowsError(try StateCoolingRates.check([sweep("a.csv", 10), sweep("b.csv", nil), sweep("c.csv", 5)])) { e in
            XCTAssertEqual((e as? GlassError)?.description, "c.csv: state 'cooled-10' has cooling rate 5 K/min here and 10 K/min in a.csv (its header, or study.toml's [files] table for it); expected one cooling rate per state (rates within 1 % are one)")
        }
        XCTAssertNoThrow(try StateCoolingRates.check([sweep("a.csv", nil), sweep("b.csv", 10), sweep("c.csv", 10)]))
        // Rates that are one (within 1 % of the slower: 0.16666667 K/s is 10.0000002 K/min) agree.
        XCTAssertNoThrow(try StateCoolingRates.check([sweep("a.csv", 10), sweep("b.csv", 0.16666667 * 60), sweep("c.csv", 10.1)]))
        XCTAssertThrowsError(try StateCoolingRates.check([sweep("a.csv", 10), sweep("b.csv", 10.1001)])) { e in
            XCTAssertEqual((e as? GlassError)?.description, "b.csv: state 'cooled-10' has cooling rate 10.1001 K/min here and 10 K/min in a.csv (its header, or study.toml's [files] table for it); expected one cooling rate per state (rates within 1 % are one)")
        }
        let dsc = [DSCFixture.dataset("a.csv", state: "x", coolingRate: 10) { _ in 0.1 },
                   DSCFixture.dataset("b.csv", state: "x", coolingRate: nil) { _ in 0.1 }]
        XCTAssertThrowsError(try DSCPrepared.prepare(dsc)) { e in
            XCTAssertEqual((e as? GlassError)?.description, "b.csv: state 'x' has no cooling rate here and 10 K/min in a.csv (its header, or study.toml's [files] table for it); expected one cooling rate per state (rates within 1 % are one); give b.csv its cooling_rate (its header, or study.toml's [files.\"b.csv\"] table), or another state")
        }
    }

    /// Unlabelled runs at rates that are one are one state, DSC and DMA files alike: a DMA sweep
    /// at 10.05 K/min joins the DSC runs at 10 (named by the two files at 10), and the DMA state's
    /// rate is the one it is named by. Rates 1.8 % apart (10, 10.18) stay two states, as do 10.18
    /// and 10.09, which the state order puts in 10's group (10.09 is within 1 % of 10).
    func testUnlabelledStatesGroupDSCAndDMAByOneRate() {
        func run(_ path: String, _ kind: DatasetKind, _ q: Double) -> Dataset {
            var d = Dataset(path: path, kind: kind, state: StatesByCoolingRate.label(q))
            d.coolingRateKPerMin = q
            d.stateFromCoolingRate = true
            return d
        }
        var files = [[run("dma/a.csv", .dmaFSweep, 10.05), run("dma/a.csv#set2", .dmaFSweep, 10.05)],
                     [run("dsc/b.csv", .dsc, 10)], [run("dsc/c.csv", .dsc, 10)], [run("dsc/d.csv", .dsc, 10.18)], [run("dsc/e.csv", .dsc, 10.09)]]
        StatesByCoolingRate.group(&files)
        XCTAssertEqual(files.map { $0.map(\.state) }, [["cooled-10", "cooled-10"], ["cooled-10"], ["cooled-10"], ["cooled-10.18"], ["cooled-10"]])
        let dma = DMAStateData.group(files.joined().map { $0 })
        XCTAssertEqual(dma.map(\.state), ["cooled-10"])
        XCTAssertEqual(dma.first?.coolingRateKPerMin, 10.05)
        // With a DMA run at 10 after it, the DMA state takes 10, the rate it is named by.
        var more = files
        more.append([run("dma/z.csv", .dmaTScan, 10)])
        StatesByCoolingRate.group(&more)
        XCTAssertEqual(DMAStateData.group(more.joined().map { $0 }).first?.coolingRateKPerMin, 10)
        // A multi-sweep file counts once: one file at 10.05 (two sweeps) against one at 10 is a tie,
        // which the rate written shortest takes.
        var pair = [[run("a.csv", .dmaFSweep, 10.05), run("a.csv#set2", .dmaFSweep, 10.05)], [run("b.csv", .dmaFSweep, 10)]]
        StatesByCoolingRate.group(&pair)
        XCTAssertEqual(pair.joined().map(\.state), ["cooled-10", "cooled-10", "cooled-10"])
        // Labelled runs are left as they are.
        var labelled = [[Dataset(path: "x.csv", kind: .dsc, state: "cooled-10.05")], [run("y.csv", .dsc, 10)]]
        labelled[0][0].coolingRateKPerMin = 10.05
        StatesByCoolingRate.group(&labelled)
        XCTAssertEqual(labelled.joined().map(\.state), ["cooled-10.05", "cooled-10"])
    }

    /// A DMA series counts once in naming a state: thirty isotherm files at 10 K/min (one per
    /// temperature) and two DSC runs at 10.05 are `cooled-10.05` (two votes to one), where counting
    /// files made it `cooled-10` (thirty to two). One DSC run against the series is a tie, which the
    /// rate written shortest takes; the series votes for the rate most of its files give, and
    /// its temperature scans are a series of their own.
    func testADMASeriesCountsOnceInNamingAState() {
        func run(_ path: String, _ kind: DatasetKind, _ q: Double) -> [Dataset] {
            var d = Dataset(path: path, kind: kind, state: StatesByCoolingRate.label(q))
            d.coolingRateKPerMin = q
            d.stateFromCoolingRate = true
            return [d]
        }
        let isotherms = (0..<30).map { run("dma/iso-\(300 + 5 * $0)K.csv", .dmaFSweep, 10) }
        var files = [run("dsc/a.csv", .dsc, 10.05), run("dsc/b.csv", .dsc, 10.05)] + isotherms
        StatesByCoolingRate.group(&files)
        XCTAssertEqual(Set(files.joined().map(\.state)), ["cooled-10.05"])
        XCTAssertEqual(DMAStateData.group(files.joined().map { $0 }).first?.coolingRateKPerMin, 10)
        // One DSC run against the series: one vote each, the shorter spelling.
        var one = [run("dsc/a.csv", .dsc, 10.05)] + isotherms
        StatesByCoolingRate.group(&one)
        XCTAssertEqual(Set(one.joined().map(\.state)), ["cooled-10"])
        // The series votes for its own majority (29 files at 10.05, one at 10), as one vote: with a
        // DSC run at 10 it is a tie, and 10 is written shorter.
        var mixed = [run("dsc/a.csv", .dsc, 10)] + (0..<29).map { run("dma/iso-\($0).csv", .dmaFSweep, 10.05) }
            + [run("dma/iso-z.csv", .dmaFSweep, 10)]
        StatesByCoolingRate.group(&mixed)
        XCTAssertEqual(Set(mixed.joined().map(\.state)), ["cooled-10"])
        // Two DSC runs at 10.04 against isotherms at 10.05 and temperature scans at 10.05: the
        // scans are a second series, so 10.05 has two votes to two, and is written as long as
        // 10.04, which is slower.
        let dma = (0..<5).map { run("dma/iso-\($0).csv", .dmaFSweep, 10.05) } + (0..<3).map { run("dma/scan-\($0).csv", .dmaTScan, 10.05) }
        var scans = [run("dsc/a.csv", .dsc, 10.04), run("dsc/b.csv", .dsc, 10.04)] + dma
        StatesByCoolingRate.group(&scans)
        XCTAssertEqual(Set(scans.joined().map(\.state)), ["cooled-10.04"])
        // Two series at 10.05 and one DSC run at 10.04: the series win.
        var series = [run("dsc/a.csv", .dsc, 10.04)] + dma
        StatesByCoolingRate.group(&series)
        XCTAssertEqual(Set(series.joined().map(\.state)), ["cooled-10.05"])
    }

    /// DMA files of a state that give different T_g (or E_u): the first in path order is used, and
    /// said; not when study.toml or the command line sets the value.
    func testDMAFilesWithDifferentMetadataAreSaid() {
        func sweep(_ path: String, tg: Double?) -> Dataset {
            var d = Dataset(path: path, kind: .dmaFSweep, state: "as-cast")
            d.tgK = tg
            return d
        }
        let state = DMAStateData(state: "as-cast", coolingRateKPerMin: nil, scans: [],
                                 isotherms: [sweep("b.csv", tg: 460), sweep("a.csv", tg: 455), sweep("c.csv", tg: nil)])
        let fromFiles = DMAStateSettings.resolve(state: state, options: AnalysisOptions(), settings: StudySettings())
        XCTAssertEqual(fromFiles.tgK, 455)
        XCTAssertEqual(DMAStateSettings.metadataConflicts(state, settings: fromFiles),
                       ["dma as-cast: files give different T_g: 455 K (a.csv), 460 K (b.csv); the first, 455 K, is used (set it in study.toml)"])
        var options = AnalysisOptions()
        options.tgK = 450
        let given = DMAStateSettings.resolve(state: state, options: options, settings: StudySettings())
        XCTAssertEqual(DMAStateSettings.metadataConflicts(state, settings: given), [])
    }

    /// A run labelled `crystalline` without its role is a sample state, and a warning says so.
    func testCrystallineStateWithoutItsRoleIsSaid() throws {
        let ds = [DSCFixture.dataset("c.csv", state: "crystalline") { _ in 0.1 }, DSCFixture.dataset("s.csv", state: "as-cast") { _ in 0.2 }]
        let p = try DSCPrepared.prepare(ds)
        XCTAssertEqual(Set(p.states.map(\.state)), ["as-cast", "crystalline"])
        XCTAssertTrue(p.warnings.contains("c.csv: state 'crystalline' without '# role: crystalline' is analysed as a sample state; nothing is subtracted with it"), "\(p.warnings)")
    }
}
