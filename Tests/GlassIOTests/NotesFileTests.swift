import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// Notes and sample lists kept beside the runs (`notes.txt`, `Probenliste.csv`): text whose
/// columns name nothing glassview reads and without a row of numbers is not data. It stopped
/// the whole study; it is now skipped with a warning naming it. Anything that could be data stays
/// an error: a row of numbers, a file study.toml gives a table of its own, a single file given.
final class NotesFileTests: XCTestCase {
    func study() throws -> String { try scratchStudyOfOneRun("glassview-notes") }

    func testTextWithoutARowOfNumbers() {
        func holds(_ text: String) -> Bool { TextWithoutTable.holds(Array(text.utf8)) }
        XCTAssertTrue(holds("Sample cut from rod 3, polished.\nDSC on Dec 2 by AB.\n"))
        XCTAssertTrue(holds("Mass: 12.3 mg\n2025-12-02 14:30\nrate 20 K/min\n"))
        XCTAssertTrue(holds("sample,mass_mg,rate\nA,12.3,10\r\nB,11.0,20\n"))
        XCTAssertTrue(holds(""))
        // Rows of numbers, in either mark, with exponents, signs, padding: a table.
        XCTAssertFalse(holds("mass_mg,rate\n12.3,10\n"))
        XCTAssertFalse(holds("Probe;Masse\n12,3;4,5\n"))
        XCTAssertFalse(holds("x\n -1.5e-3\t+2E4 \n"))
        XCTAssertFalse(holds(".5 5.\n"))
        // One number alone is no row; `1e` and `-` are no numbers.
        XCTAssertTrue(holds("total\n42\n"))
        XCTAssertTrue(holds("1e 2\n- 3\n"))
        // Not text, or too large to be notes.
        XCTAssertFalse(TextWithoutTable.holds([0x41, 0x00, 0x42]))
        XCTAssertFalse(TextWithoutTable.holds(Array(repeating: 0x41, count: TextWithoutTable.maximumBytes + 1)))
    }

    func testNotesBesideTheRunsAreSkippedAndNamed() throws {
        let dir = try study()
        let alone = try StudyLoader.load(dir)
        try "Sample cut from rod 3, polished.\nDSC on Dec 2 by AB.\n".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/lists", withIntermediateDirectories: true)
        try "Probe;Masse;Rate\nA;12,3;x\n".write(toFile: dir + "/lists/samples.csv", atomically: true, encoding: .utf8)
        let study = try StudyLoader.load(dir)
        XCTAssertEqual(study.datasets, alone.datasets)
        XCTAssertEqual(study.sources.map(\.path), ["a.csv"])
        XCTAssertEqual(study.warnings, ["lists/samples.csv, notes.txt: no column glassview reads and no row of numbers (notes, not data): not read"])
        // A pattern of study.toml reaching it does not make it data; its own table does.
        try "[files.\"*.txt\"]\nheating_rate = \"20 K/min\"\n".write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try StudyLoader.load(dir).datasets, alone.datasets)
        try "[files.\"notes.txt\"]\nheating_rate = \"20 K/min\"\n".write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StudyLoader.load(dir)) { e in
            XCTAssertEqual((e as? GlassError)?.description.hasPrefix("notes.txt:1: cannot tell what this file holds from its columns [Sample cut from rod 3, polished.]"), true, "\(e)")
        }
        // Given alone, the file is what was asked for: its error.
        XCTAssertThrowsError(try StudyLoader.load(dir + "/notes.txt"))
    }

    func testATableOfNumbersThatIsNotReadStaysAnError() throws {
        let dir = try study()
        try "mass_mg,rate\n12.3,10\n11.0,20\n".write(toFile: dir + "/masses.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StudyLoader.load(dir)) { e in
            XCTAssertEqual((e as? GlassError)?.description.hasPrefix("masses.csv:1: cannot tell what this file holds from its columns [mass_mg, rate]"), true, "\(e)")
        }
    }

    func testAStudyOfNotesOnlyHasNoData() throws {
        let dir = try scratchDirectory("glassview-notes-only")
        try "to do: DSC of rod 4\n".write(toFile: dir + "/todo.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StudyLoader.load(dir)) { e in
            XCTAssertEqual((e as? GlassError)?.description,
                           "\(dir): no data files (*.csv, *.tsv, *.txt, *.dat) in the study (only todo.txt: text without a column glassview reads or a row of numbers)")
        }
    }
}
