import XCTest
@testable import GlassKit

/// The reading of groups, capitals, sums and tags (docs/method.md §3.3). Expected molar masses are
/// computed outside the program (Python, from the CIAAW values typed below), not from its table.
final class CompositionReadingTests: XCTestCase {
    /// CIAAW standard atomic weights (2021 table, conventional values for interval elements, Zr as
    /// revised in 2024), typed from the CIAAW tables for these tests.
    private let ciaaw: [String: Double] = [
        "B": 10.81, "C": 12.011, "O": 15.999, "Na": 22.98976928, "Al": 26.9815384, "Si": 28.085,
        "Fe": 55.845, "Co": 58.933194, "Ni": 58.6934, "Cu": 63.546, "Y": 88.905838, "Zr": 91.222,
        "Nb": 92.90637, "Te": 127.60,
    ]

    private func mean(_ parts: [(String, Double)]) -> Double {
        parts.reduce(0) { $0 + $1.1 * (ciaaw[$1.0] ?? .nan) } / parts.reduce(0) { $0 + $1.1 }
    }

    // MARK: groups in percent or fractions are mixed sites

    /// `(Cu50Zr50)92Al8` is Cu46Zr46Al8: 73.351803072 g/mol (Python: (46·63.546 + 46·91.222 +
    /// 8·26.9815384)/100), not a 100-atom formula unit (7121.6 g/mol).
    func testAGroupInPercentIsAMixedSite() throws {
        let percent = try Composition("(Cu50Zr50)92Al8")
        XCTAssertEqual(percent.molarMass, 73.351803072, accuracy: 1e-9)
        XCTAssertEqual(percent.molarMass, mean([("Cu", 46), ("Zr", 46), ("Al", 8)]), accuracy: 1e-12)
        XCTAssertEqual(percent.notation, .atomic)
        XCTAssertEqual(percent.notes, [])
        XCTAssertEqual(try Composition("(Cu0.5Zr0.5)92Al8").molarMass, 73.351803072, accuracy: 1e-9)
        XCTAssertEqual(try Composition("Cu46Zr46Al8").molarMass, 73.351803072, accuracy: 1e-9)
        // (Zr55Cu30Ni5Al10)99Y1: 75.0090949816 (Python).
        XCTAssertEqual(try Composition("(Zr55Cu30Ni5Al10)99Y1").molarMass, 75.0090949816, accuracy: 1e-9)
        // Nested: [(Fe50Co50)75B20Si5]96Nb4 = Fe36Co36B19.2Si4.8Nb4: 48.46000464 (Python).
        XCTAssertEqual(try Composition("[(Fe50Co50)75B20Si5]96Nb4").molarMass, 48.46000464, accuracy: 1e-9)
        XCTAssertEqual(try Composition("[(Fe0.5Co0.5)0.75B0.2Si0.05]96Nb4").molarMass, 48.46000464, accuracy: 1e-9)
        let nested = try Composition("((Zr0.5Cu0.5)0.95Al0.05)")
        XCTAssertEqual(nested.molarMass, try Composition("(Zr0.5Cu0.5)95Al5").molarMass, accuracy: 1e-12)
        XCTAssertEqual(nested.molarMass, mean([("Zr", 47.5), ("Cu", 47.5), ("Al", 5)]), accuracy: 1e-12)
    }

    /// `(FeCo)80B20`: metals without counts are an equiatomic site, Fe40Co40B20 = 48.0732776
    /// g/mol (Python), not FeCo as a two-atom unit (93.98).
    func testMetalsWithoutCountsAreAnEquiatomicSite() throws {
        let c = try Composition("(FeCo)80B20")
        XCTAssertEqual(c.molarMass, 48.0732776, accuracy: 1e-9)
        XCTAssertEqual(c.notes, [])
        XCTAssertEqual(c.atomicFractions.map(\.count), [0.4, 0.4, 0.2])
    }

    /// Oxide formula units stay formula units, `(CuO)` included (oxygen is no metal).
    func testOxideFormulaUnitsAreUnchanged() throws {
        let tellurite = try Composition("(TeO2)0.7(CuO)0.3")
        XCTAssertEqual(tellurite.molarMass, 135.5821, accuracy: 1e-9)   // 0.7·159.598 + 0.3·79.545
        XCTAssertEqual(tellurite.notation, .formulaUnits)
        XCTAssertEqual(tellurite.notes, [])
        // mol% of oxides: (Na2O)25(SiO2)75 = 0.25·61.97753856 + 0.75·60.083.
        let silicate = try Composition("(Na2O)25(SiO2)75")
        XCTAssertEqual(silicate.molarMass, 60.55688464, accuracy: 1e-9)
        // A mixture of formula units in brackets is one mean formula unit.
        XCTAssertEqual(try Composition("[(SiO2)75(Na2O)25]").molarMass, 60.55688464, accuracy: 1e-9)
        XCTAssertEqual(try Composition("(Na2CO3)").molarMass, 105.98753856, accuracy: 1e-9)
    }

    /// The probe's list of compositions that were right stays right (2021 weights but Zr).
    func testCheckedCompositionsKeepTheirMass() throws {
        XCTAssertEqual(try Composition("La30Ce30Ni10Al20Co10").molarMass, 100.86540808, accuracy: 1e-9)
        // Vit1 with Zr 91.222 (CIAAW 2024); with 91.224 it was 60.0302652.
        XCTAssertEqual(try Composition("Zr41.2Ti13.8Cu12.5Ni10Be22.5").molarMass, 60.0294411975, accuracy: 1e-9)
        XCTAssertEqual(try Composition("Pd40Ni10Cu30P20").molarMass, 73.6958923996, accuracy: 1e-9)
        XCTAssertEqual(try Composition("Fe48Cr15Mo14Er2C15B6").molarMass, 53.833445, accuracy: 1e-9)
        for text in ["La30Ce30Ni10Al20Co10", "Zr41.2Ti13.8Cu12.5Ni10Be22.5", "Pd40Ni10Cu30P20", "Cu46Zr46Al8",
                     "Fe48Cr15Mo14Er2C15B6", "(Zr0.5Cu0.5)95Al5", "((Zr0.5Cu0.5)0.95Al0.05)",
                     "[(Fe0.5Co0.5)0.75B0.2Si0.05]96Nb4", "(TeO2)0.7(CuO)0.3", "Ti16.7Zr16.7Hf16.7Cu16.7Ni16.7Be16.7"] {
            XCTAssertEqual(try Composition(text).notes, [], text)
        }
    }

    // MARK: notes

    /// Counts summing to 91 (a dropped digit) are normalised with a note; stoichiometric sums
    /// (Ge2Sb2Te5 = 9) and oxide ratios are not notes.
    func testCountsSummingNearHundredAreNoted() throws {
        let typo = try Composition("La30Ce30Ni10Al20Co1")
        XCTAssertEqual(typo.notes, ["its counts sum to 91, not 100 or 1: they are taken as proportions; check for a mistyped count"])
        XCTAssertEqual(try Composition("Fe0.8B0.3").notes.count, 1)
        XCTAssertEqual(try Composition("Ge2Sb2Te5").notes, [])
        XCTAssertEqual(try Composition("(TeO2)2(CuO)1").notes, [])
        let group = try Composition("(Zr55Cu30Ni5Al8)99Y1")
        XCTAssertEqual(group.notes, ["the counts of (Zr55Cu30Ni5Al8) sum to 98, not 100 or 1: it is read as a mixed site, "
                                     + "its counts normalised to fractions; check for a mistyped count"])
    }

    /// A formula unit of several atoms beside single atoms: M per mole of units (138.6605552,
    /// Python (80·(2·55.845 + 58.933194) + 20·10.81)/100) and per mole of atoms (53.3309828) named.
    func testAFormulaUnitBesideAtomsIsNoted() throws {
        let c = try Composition("(Fe2Co)80B20")
        XCTAssertEqual(c.molarMass, 138.6605552, accuracy: 1e-9)
        XCTAssertEqual(c.meanAtomicMass, 53.33098276923077, accuracy: 1e-9)
        XCTAssertEqual(c.notes, ["(Fe2Co) is a formula unit of 3 atoms beside single atoms, so M = 138.661 g/mol per mole of "
                                 + "units (53.331 g/mol per mole of atoms); a mixed site is written with counts summing to 100 or 1"])
        XCTAssertEqual(try Composition("(Cu2Zr)").notes.first?.contains("of metals only"), true)
    }

    /// Elements without a standard atomic weight are named with the mass number used.
    func testElementsWithoutAStandardWeightAreNoted() throws {
        XCTAssertEqual(try Composition("Fe80Tc20").notes,
                       ["Tc has no standard atomic weight: the mass number of its longest-lived isotope, 97, is used"])
        XCTAssertEqual(try Composition("(PuO2)").notes.count, 1)
    }

    // MARK: capitals

    /// `Fe40CO40B20`, `NI60NB40`, `CO50B50`: Co, Ni, Nb typed in capitals are refused, both
    /// readings named; in a formula unit the pair is chemistry (`Na2CO3`, `KNO3`).
    func testCapitalsThatSpellAnElementAreRefusedWhereAtomsAreWritten() throws {
        let e = compositionError("Fe40CO40B20")
        XCTAssertEqual(e?.kind, .ambiguousCapitals("CO", "Co"))
        XCTAssertEqual(e?.position, 5)
        XCTAssertEqual(e?.problem, "\"CO\" at position 5 reads as C then O, or as Co written in capitals (symbols are "
                       + "case-sensitive); write Co, or C1O for C then O")
        XCTAssertEqual(compositionError("NI60NB40")?.kind, .ambiguousCapitals("NI", "Ni"))
        XCTAssertEqual(compositionError("CO50B50")?.kind, .ambiguousCapitals("CO", "Co"))
        XCTAssertEqual(compositionError("(CO50Zr50)92Al8")?.kind, .ambiguousCapitals("CO", "Co"))
        XCTAssertEqual(compositionError("(NI0.5CO0.5)80B20")?.kind, .ambiguousCapitals("NI", "Ni"), "a site in the other reading")
        XCTAssertEqual(compositionError("(NICO)80B20")?.kind, .ambiguousCapitals("NI", "Ni"))
        XCTAssertNoThrow(try Composition("(Na2CO3)0.2(SiO2)0.8"))
        XCTAssertNoThrow(try Composition("(KNO3)"))
        XCTAssertNoThrow(try Composition("(NH4H2PO4)"))
        XCTAssertNoThrow(try Composition("C1O40Fe59"), "a count between: C then O")
        XCTAssertNoThrow(try Composition("Fe80COs20"), "C then Os")
    }

    // MARK: characters and tags

    /// An invisible character is named by its code point, not printed raw.
    func testInvisibleCharactersAreNamed() {
        XCTAssertEqual(compositionError("Cu50\u{200B}Zr50")?.problem,
                       "unexpected character U+200B ZERO WIDTH SPACE (invisible) (expected an element symbol with a capital letter, a bracket or a number) at position 5")
        XCTAssertEqual(compositionError("\u{FEFF}Cu50Zr50")?.problem.hasPrefix("unexpected character U+FEFF ZERO WIDTH NO-BREAK SPACE (invisible)"), true)
        XCTAssertEqual(compositionError("Cu50\u{AD}Zr50")?.problem.hasPrefix("unexpected character U+00AD SOFT HYPHEN (invisible)"), true)
    }

    /// A composition tagged as weight percent is refused, the tag named.
    func testWeightPercentIsRefused() {
        let e = compositionError("Cu50Zr50 wt.%")
        XCTAssertEqual(e?.kind, .weightPercent("wt.%"))
        XCTAssertEqual(e?.position, 10)
        XCTAssertEqual(compositionError("Cu50Zr50 (mass%)")?.kind, .weightPercent("mass%"))
        XCTAssertNoThrow(try Composition("(WTi)"), "W and Ti without counts: no tag")
    }

    /// Header keys with the unit in the key: atomic percent is the composition, weight percent
    /// is refused.
    func testCompositionKeyUnits() {
        XCTAssertEqual(CompositionKey.unit("composition_(wt.%)"), .weight)
        XCTAssertEqual(CompositionKey.unit("composition_(mass_%)"), .weight)
        XCTAssertEqual(CompositionKey.unit("composition_(at.%)"), .atomic)
        XCTAssertEqual(CompositionKey.unit("composition_(mol%)"), .atomic)
        XCTAssertNil(CompositionKey.unit("composition"))
        XCTAssertNil(CompositionKey.unit("composition_note"))
    }
    // MARK: in a study and a file

    private func read(_ header: String) throws -> Dataset {
        let text = "# kind: dsc\n# state: as-cast\n" + header + "T/K,W/(W/g)\n400,0.1\n410,0.1\n420,0.1\n"
        // Not inside XCTUnwrap, which records the error a test expects as a failure.
        let datasets = try FormatDetector.read(bytes: Array(text.utf8), path: "a.csv").map { try DatasetBuilder.build($0) }
        return try XCTUnwrap(datasets.first)
    }

    /// A file's `# composition (wt.%):` is not read, and a warning names its line (it was ignored
    /// without a word: no molar mass, or another file's); the file's data are read.
    /// `# composition (at.%):` is the composition.
    func testAHeaderCompositionInWeightPercentIsNotReadWithAWarning() throws {
        let d = try read("# composition (wt.%): Cu50Zr50\n")
        XCTAssertNil(d.composition)
        XCTAssertEqual(d.warnings, ["a.csv:3: '# composition (wt.%): Cu50Zr50' states the composition in weight percent, which is not read "
                                    + "as the atomic one; state atomic percent or fractions ('# composition: Cu50Zr50') or the molar mass "
                                    + "('# molar_mass: 77.4 g/mol'), here or in study.toml"])
        XCTAssertEqual(try read("# composition (at.%): Cu50Zr50\n").composition, "Cu50Zr50")
        let stated = try read("# composition (wt.%): Cu50Zr50\n# molar_mass: 75 g/mol\n")
        XCTAssertNil(stated.composition)
        XCTAssertEqual(stated.warnings, [])
    }

    /// The notes of the composition that gives M are the study's warnings, naming where it is
    /// stated; none when a molar_mass is stated.
    func testTheStudyWarnsWithTheNotesOfItsComposition() {
        var d = DSCFixture.dataset("f0.csv", state: "as-cast") { _ in 0.1 }
        d.composition = "La30Ce30Ni10Al20Co1"
        XCTAssertEqual(Study(name: "x", datasets: [d]).warnings,
                       ["f0.csv: composition La30Ce30Ni10Al20Co1: its counts sum to 91, not 100 or 1: they are taken as proportions; check for a mistyped count"])
        var settings = StudySettings()
        settings.composition = "Fe80Tc20"
        XCTAssertEqual(Study(name: "x", datasets: [], settings: settings).warnings,
                       ["study.toml's composition Fe80Tc20: Tc has no standard atomic weight: the mass number of its longest-lived isotope, 97, is used"])
        settings.molarMassGPerMol = 60
        XCTAssertFalse(Study(name: "x", datasets: [], settings: settings).warnings.contains { $0.contains("Tc has") })
    }
}
