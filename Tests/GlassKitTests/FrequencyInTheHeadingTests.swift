import Testing
@testable import GlassKit

/// One block of columns per frequency (`E'(0.1Hz)`, a Hitachi DMA7100 export re-saved): refused
/// as before, the frequency where a unit stands now named (the error read as if E'/E'' were
/// missing; probe of the thirty-first round).
@Suite struct FrequencyInTheHeadingTests {
    @Test func aFrequencyWhereAUnitStandsIsNamed() {
        let note = "; 'E'(0.1Hz)' has a frequency where a unit stands: one block of columns per frequency is not read (expected one frequency per file, or a frequency column, with E' and E'' in a unit such as MPa)"
        let rows = (0..<20).map { "\(300 + $0),30000,100,30100,90\n" }.joined()
        // Under a units row (Hitachi's `"Cel","Pa",…`) the names are no E'/E''.
        let unitsRow = "Temp,E'(0.1Hz),E''(0.1Hz),E'(1Hz),E''(1Hz)\nCel,Pa,Pa,Pa,Pa\n" + rows
        #expect(TextImport.error(unitsRow) == "f.txt:1: cannot tell what this file holds from its columns [Temp, E'(0.1Hz), E''(0.1Hz), E'(1Hz), E''(1Hz)]; expected a temperature column with heat flow (DSC) or E'/E'' (DMA)" + note)
        // Without one, the frequency is read as the unit.
        let bare = "Temp/°C,E'(0.1Hz),E''(0.1Hz),E'(1Hz),E''(1Hz)\n" + rows
        #expect(TextImport.error(bare) == "f.txt:1: column 'E'(0.1Hz)' has unit '0.1Hz'; expected a modulus in MPa, GPa, kPa, Pa, bar, psi or dyn/cm²" + note)
        #expect(UnitSpelling.holdsFrequencyValue("E'' [1 Hz]") && UnitSpelling.holdsFrequencyValue("tanD(10 kHz)"))
        #expect(!UnitSpelling.holdsFrequencyValue("f (Hz)") && !UnitSpelling.holdsFrequencyValue("E' (MPa)") && !UnitSpelling.holdsFrequencyValue("E'(0.1"))
    }
}
