import XCTest
@testable import GlassKit

final class CompositionTests: XCTestCase {
    private func weight(_ symbol: String) -> Double {
        AtomicWeights.weight(of: symbol) ?? .nan
    }

    // MARK: atomic weights

    func testTableCoversHydrogenToOganesson() {
        XCTAssertEqual(AtomicWeights.elements.count, 118)
        XCTAssertEqual(AtomicWeights.elements.first?.symbol, "H")
        XCTAssertEqual(AtomicWeights.elements.last?.symbol, "Og")
        for (index, element) in AtomicWeights.elements.enumerated() {
            XCTAssertEqual(element.atomicNumber, index + 1)
            XCTAssertGreaterThan(element.atomicWeight, 0)
        }
        XCTAssertEqual(Set(AtomicWeights.elements.map(\.symbol)).count, 118, "symbols are unique")
        // Exact table values (CIAAW 2021 / conventional, with the 2024 revisions of Zr, Gd, Lu).
        XCTAssertEqual(weight("Cu"), 63.546)
        XCTAssertEqual(weight("Zr"), 91.222)
        XCTAssertEqual(weight("Gd"), 157.249)
        XCTAssertEqual(weight("Lu"), 174.96669)
        XCTAssertEqual(weight("O"), 15.999)
        XCTAssertEqual(AtomicWeights.element("Tc")?.hasStandardWeight, false)
        XCTAssertNil(AtomicWeights.weight(of: "Xx"))
        XCTAssertNil(AtomicWeights.weight(of: "CO"), "symbols are case-sensitive")
    }

    func testAtomicWeightsIncreaseExceptForKnownInversions() {
        // Weight decreases with Z only at the textbook inversions Ar/K, Co/Ni, Te/I, Th/Pa, U/Np…
        // plus the mass-number entries of the superheavy elements: a typo in the table would show here.
        let known: Set<String> = ["K", "Ni", "I", "Pa", "Hs", "Og", "Np", "Am", "Bk"]
        for (previous, next) in zip(AtomicWeights.elements, AtomicWeights.elements.dropFirst())
        where next.atomicWeight <= previous.atomicWeight {
            XCTAssertTrue(known.contains(next.symbol), "\(previous.symbol) → \(next.symbol)")
        }
    }

    // MARK: molar mass, SPEC §3

    func testLaBasedAlloyMolarMassMatchesSpec() throws {
        let c = try Composition("La30Ce30Ni10Al20Co10")
        XCTAssertEqual(c.notation, .atomic)
        // SPEC §3 states 100.87 g/mol; 0.01 is its last printed digit.
        XCTAssertEqual(c.molarMass, 100.87, accuracy: 0.005 + 1e-9)
        let expected = (30 * weight("La") + 30 * weight("Ce") + 10 * weight("Ni") + 20 * weight("Al") + 10 * weight("Co")) / 100
        XCTAssertEqual(c.molarMass, expected, accuracy: 1e-12)
    }

    func testTelluriteOxideMolarMassMatchesSpec() throws {
        let c = try Composition("(TeO2)0.7(CuO)0.3")
        XCTAssertEqual(c.notation, .formulaUnits)
        // SPEC §3 states 135.6 g/mol (one decimal).
        XCTAssertEqual(c.molarMass, 135.6, accuracy: 0.05)
        let teo2 = weight("Te") + 2 * weight("O")
        let cuo = weight("Cu") + weight("O")
        XCTAssertEqual(c.molarMass, 0.7 * teo2 + 0.3 * cuo, accuracy: 1e-12)
        XCTAssertEqual(c.constituents.map(\.formula), ["TeO2", "CuO"])
    }

    func testCuZrIsExactMeanOfTableWeights() throws {
        let c = try Composition("Cu50Zr50")
        XCTAssertEqual(c.molarMass, (weight("Cu") + weight("Zr")) / 2, accuracy: 1e-12)
        XCTAssertEqual(c.molarMass, 77.384, accuracy: 1e-12)
    }

    func testFractionsAndPercentGiveTheSameMass() throws {
        let fractions = try Composition("Fe0.8B0.2")
        let percent = try Composition("Fe80B20")
        XCTAssertEqual(fractions.molarMass, percent.molarMass, accuracy: 1e-12)
        XCTAssertEqual(fractions.molarMass, 0.8 * weight("Fe") + 0.2 * weight("B"), accuracy: 1e-12)
    }

    func testCountsNeedNotSumToHundred() throws {
        // Zr41.2Ti13.8Cu12.5Ni10Be22.5 sums to 100; Ti16.7×6 sums to 100.2 and is normalised.
        let vit1 = try Composition("Zr41.2Ti13.8Cu12.5Ni10Be22.5")
        let expected = (41.2 * weight("Zr") + 13.8 * weight("Ti") + 12.5 * weight("Cu")
                        + 10 * weight("Ni") + 22.5 * weight("Be")) / 100
        XCTAssertEqual(vit1.molarMass, expected, accuracy: 1e-12)
        let hea = try Composition("Ti16.7Zr16.7Hf16.7Cu16.7Ni16.7Be16.7")
        let mean = ["Ti", "Zr", "Hf", "Cu", "Ni", "Be"].map(weight).reduce(0, +) / 6
        XCTAssertEqual(hea.molarMass, mean, accuracy: 1e-12)
    }

    func testElementsWithoutCountCountOne() throws {
        let c = try Composition("PdNi P")
        XCTAssertEqual(c.molarMass, (weight("Pd") + weight("Ni") + weight("P")) / 3, accuracy: 1e-12)
        XCTAssertEqual(try Composition("Pd40Ni40P20").atomicFractions.map(\.count), [0.4, 0.4, 0.2])
    }

    func testWaterInParenthesesIsAFormulaUnit() throws {
        let water = try Composition("(H2O)")
        XCTAssertEqual(water.molarMass, 2 * weight("H") + weight("O"), accuracy: 1e-12)
        XCTAssertEqual(water.constituents.first?.elements, [.init(symbol: "H", count: 2), .init(symbol: "O", count: 1)])
        // Bare, it is alloy notation: the mean atomic mass (documented rule).
        let bare = try Composition("H2O")
        XCTAssertEqual(bare.molarMass, (2 * weight("H") + weight("O")) / 3, accuracy: 1e-12)
    }

    func testVanadiumTelluriteAndNesting() throws {
        let c = try Composition("(TeO2)0.45(V2O5)0.55")
        let expected = 0.45 * (weight("Te") + 2 * weight("O")) + 0.55 * (2 * weight("V") + 5 * weight("O"))
        XCTAssertEqual(c.molarMass, expected, accuracy: 1e-12)
        let nested = try Composition("(Ca(OH)2)")
        XCTAssertEqual(nested.molarMass, weight("Ca") + 2 * (weight("O") + weight("H")), accuracy: 1e-12)
        XCTAssertEqual(nested.constituents.first?.formula, "Ca(OH)2")
        let brackets = try Composition("[Ca(OH)2]1")
        XCTAssertEqual(brackets, nested)
    }

    func testMixedSiteGroupGivesMeanAtomicMass() throws {
        let c = try Composition("(Fe0.5Co0.5)80B20")
        let expected = 0.8 * (0.5 * weight("Fe") + 0.5 * weight("Co")) + 0.2 * weight("B")
        XCTAssertEqual(c.molarMass, expected, accuracy: 1e-12)
        XCTAssertEqual(c.meanAtomicMass, expected, accuracy: 1e-12)
        XCTAssertEqual(c.atomicFractions.map(\.symbol), ["Fe", "Co", "B"])
        XCTAssertEqual(c.atomicFractions[0].count, 0.4, accuracy: 1e-12)
    }

    func testWhitespaceAndSubscriptsAreAccepted() throws {
        let spaced = try Composition("  La30 Ce30\tNi10 Al 20 Co10 ")
        XCTAssertEqual(spaced, try Composition("La30Ce30Ni10Al20Co10"))
        let subscripts = try Composition("(TeO₂)₀.₇(CuO)₀.₃")
        XCTAssertEqual(subscripts, try Composition("(TeO2)0.7 (CuO)0.3"))
        XCTAssertEqual(subscripts.description, "(TeO₂)₀.₇(CuO)₀.₃")
    }

    // MARK: errors

    func testUnknownElementIsNamedWithPosition() {
        let error = compositionError("La30Xx10")
        XCTAssertEqual(error?.kind, .unknownElement("Xx"))
        XCTAssertEqual(error?.position, 5)
        XCTAssertEqual(error?.description, "composition \"La30Xx10\": unknown element \"Xx\" at position 5")
    }

    func testEmptyTextIsAnError() {
        XCTAssertEqual(compositionError("")?.kind, .empty)
        XCTAssertEqual(compositionError("   ")?.kind, .empty)
        XCTAssertEqual(compositionError("")?.description, "composition is empty")
    }

    func testMalformedTextsNameTheProblem() {
        XCTAssertEqual(compositionError("cu50zr50")?.kind, .unexpectedCharacter("c"))
        XCTAssertEqual(compositionError("Cu50-Zr50")?.position, 5)
        XCTAssertEqual(compositionError("50Cu50")?.kind, .numberWithoutItem("50"))
        XCTAssertEqual(compositionError("Cu50.Zr50")?.kind, .invalidNumber("50."))
        XCTAssertEqual(compositionError("Cu0Zr100")?.kind, .nonPositiveCount("0"))
        XCTAssertEqual(compositionError("(TeO2)0.7(CuO")?.kind, .unclosedGroup("("))
        XCTAssertEqual(compositionError("(TeO2)0.7(CuO")?.position, 10)
        XCTAssertEqual(compositionError("(TeO2 0.7)")?.kind, .numberWithoutItem("0.7"), "O2 has taken its count already")
        XCTAssertEqual(compositionError("TeO2)0.7")?.kind, .unmatchedClosing(")"))
        XCTAssertEqual(compositionError("(TeO2]0.7")?.kind, .unmatchedClosing("]"))
        XCTAssertEqual(compositionError("()2")?.kind, .emptyGroup)
        XCTAssertEqual(compositionError("Cu50 50")?.kind, .numberWithoutItem("50"))
        XCTAssertEqual(compositionError(String(repeating: "(", count: 40) + "H" + String(repeating: ")", count: 40))?.kind,
                       .nestingTooDeep)
        let message = compositionError("Cu50,Zr50")?.description ?? ""
        XCTAssertTrue(message.contains("\",\"") && message.contains("position 5"), message)
    }

    /// A composition longer than any formula is refused (10 MB was parsed and copied into every
    /// export); 256 bytes are taken.
    func testAnOverlongCompositionIsRefused() throws {
        XCTAssertNoThrow(try Composition(String(repeating: "La1", count: 85)))
        XCTAssertThrowsError(try Composition(String(repeating: "La1", count: 86))) {
            XCTAssertEqual(($0 as? CompositionError)?.problem, "258 characters long (at most 256)")
        }
    }
}
