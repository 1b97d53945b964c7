import XCTest
@testable import GlassTUI

/// The bytes after an Esc that ncurses' keypad did not match: decoded to a key, swallowed
/// whole, or waited for.
final class EscapeSequenceTests: XCTestCase {
    /// The units of `text` (what follows the Esc).
    func units(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    func decode(_ text: String) -> EscapeSequence.Decoded { EscapeSequence.decode(units(text)) }

    func testArrowsWithShiftOrCtrlAreTenSteps() {
        XCTAssertEqual(decode("[1;2C"), .complete(.shiftRight, length: 5))
        XCTAssertEqual(decode("[1;2D"), .complete(.shiftLeft, length: 5))
        XCTAssertEqual(decode("[1;5C"), .complete(.shiftRight, length: 5))
        XCTAssertEqual(decode("[1;5D"), .complete(.shiftLeft, length: 5))
        XCTAssertEqual(decode("[C"), .complete(.right, length: 2))
        XCTAssertEqual(decode("[1A"), .complete(.up, length: 3))
        XCTAssertEqual(decode("OB"), .complete(.down, length: 2))
        XCTAssertEqual(decode("OD"), .complete(.left, length: 2))
        // Modifiers the explorer does not use: named (to be said to mean nothing), not run as plain arrows.
        XCTAssertEqual(decode("[1;3C"), .complete(.other("Alt-Right"), length: 5), "Alt-→")
        XCTAssertEqual(decode("[1;2A"), .complete(.other("Shift-Up"), length: 5), "Shift-↑")
        XCTAssertEqual(decode("[1;6D"), .complete(.other("Ctrl-Shift-Left"), length: 5), "Ctrl-Shift-←")
    }

    func testEditingKeys() {
        for (text, key) in [("[1~", Key.home), ("[7~", .home), ("[H", .home), ("OH", .home), ("[4~", .end), ("[8~", .end),
                            ("[F", .end), ("OF", .end), ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete), ("[Z", .backTab)] {
            XCTAssertEqual(decode(text), .complete(key, length: text.unicodeScalars.count), text)
        }
    }

    /// F-keys in the vt220/rxvt (`Esc [ 11 ~`) and xterm (`Esc O P`) forms, whatever the terminal
    /// type's terminfo lists (xterm-mono lists `Esc [ 11 ~` for F1, so xterm's `Esc O P` was swallowed
    /// and F1 did not open the help).
    func testFunctionKeysInEitherForm() {
        for (text, n) in [("OP", 1), ("OQ", 2), ("OS", 4), ("[11~", 1), ("[14~", 4), ("[15~", 5), ("[17~", 6), ("[21~", 10), ("[24~", 12)] {
            XCTAssertEqual(decode(text), .complete(.function(n), length: text.unicodeScalars.count), text)
        }
    }

    /// Keys the explorer binds nowhere are named, so that it can say they mean nothing (they
    /// were swallowed, and the last message seemed to answer them).
    func testUnboundKeysAreNamed() {
        for (text, name) in [("[2~", "Insert"), ("[15;2~", "Shift-F5"), ("[5;5~", "Ctrl-PgUp"), ("[1;2H", "Shift-Home"), ("[24;5~", "Ctrl-F12"),
                             ("[1;2P", "Shift-F1"), ("[1;3C", "Alt-Right"), ("[1;6C", "Ctrl-Shift-Right"), ("[1;2A", "Shift-Up"), ("x", "Alt-x")] {
            XCTAssertEqual(decode(text), .complete(.other(name), length: text.unicodeScalars.count), text)
        }
        XCTAssertEqual(KeyMap.action(for: .other("Insert"), mode: .normal), .unboundKey("Insert"))
        // Alt with Enter, Tab, Space, Backspace or a control key; rxvt's forms; vt220's F13–F20; keypad 5.
        for (text, name) in [("\r", "Alt-Enter"), ("\t", "Alt-Tab"), (" ", "Alt-Space"), ("\u{7F}", "Alt-Backspace"), ("\u{01}", "Alt-Ctrl-A"),
                             ("[a", "Shift-Up"), ("[24^", "Ctrl-F12"), ("[25~", "F13"), ("[34~", "F20"), ("[E", "Keypad 5")] {
            XCTAssertEqual(decode(text), .complete(.other(name), length: text.unicodeScalars.count), text)
        }
        XCTAssertEqual(decode("[c"), .complete(.shiftRight, length: 2))
        XCTAssertEqual(EscapeSequence.timedOut(Array("[24$".unicodeScalars.map(\.value))), .other("Shift-F12"))
        XCTAssertEqual(NcursesTerminal.modifiedFunctionKey(36), "Ctrl-F12")
        XCTAssertEqual(NcursesTerminal.modifiedFunctionKey(17), "Shift-F5")
        // The Linux console's F1 is F1, not the key `A`.
        XCTAssertEqual(decode("[[A"), .complete(.function(1), length: 3))
        XCTAssertEqual(decode("[["), .incomplete)
    }

    func testEveryOtherCompleteSequenceIsSwallowed() {
        // A paste's end out of place, an SGR mouse report, a private-mode report, a sequence with
        // an intermediate byte: no keys.
        for text in ["[201~", "[<0;80;10M", "[?1;2c", "[0 q"] {
            XCTAssertEqual(decode(text), .complete(nil, length: text.unicodeScalars.count), text)
        }
        // An X10 mouse report: `[M` and three raw bytes.
        XCTAssertEqual(decode("[M !!"), .complete(nil, length: 5))
        XCTAssertEqual(decode("[M !"), .incomplete)
    }

    /// `Esc [ 200 ~` starts a bracketed paste: the terminal reads the text up to `Esc [ 201 ~`.
    func testBracketedPasteStart() {
        XCTAssertEqual(decode("[200~"), .complete(.paste(""), length: 5))
    }

    func testIncompleteSequencesWaitForMore() {
        for text in ["", "[", "[1", "[1;", "[1;2", "O", "[<0;80", "[0 "] {
            XCTAssertEqual(decode(text), .incomplete, text)
        }
        // Silence after them: a lone Esc is the Esc key, a cut sequence nothing.
        XCTAssertEqual(EscapeSequence.timedOut([]), .escape)
        XCTAssertNil(EscapeSequence.timedOut(units("[1;2")))
        // A runaway parameter string is dropped rather than read for ever.
        XCTAssertEqual(decode("[" + String(repeating: "1", count: 40)), .complete(nil, length: 41))
    }

    func testWhatDoesNotContinueASequenceIsReadAgain() {
        // Esc Esc: the first is the Esc key, the second starts afresh.
        XCTAssertEqual(decode("\u{1B}[C"), .complete(.escape, length: 0))
        // A control character or a letter inside the parameters ends the sequence there.
        XCTAssertEqual(decode("[1\u{1B}"), .complete(nil, length: 2))
        XCTAssertEqual(decode("[1;é"), .complete(nil, length: 3))
        // Alt plus a key: taken with its key, named (Alt-q is not q).
        XCTAssertEqual(decode("q"), .complete(.other("Alt-q"), length: 1))
        XCTAssertEqual(decode("3"), .complete(.other("Alt-3"), length: 1))
    }

    func testApplicationKeypad() {
        XCTAssertEqual(decode("Oq"), .complete(.character("1"), length: 2))
        XCTAssertEqual(decode("Oy"), .complete(.character("9"), length: 2))
        XCTAssertEqual(decode("Op"), .complete(.character("0"), length: 2))
        XCTAssertEqual(decode("Ok"), .complete(.character("+"), length: 2))
        XCTAssertEqual(decode("Om"), .complete(.character("-"), length: 2))
        XCTAssertEqual(decode("OM"), .complete(.enter, length: 2))
    }

    /// The application keypad's keys as characters, whether EscapeSequence reads the sequence
    /// (terminfo lists none) or ncurses decodes it under a terminfo name (the key's sequence
    /// then gives its final byte): `Esc O p`…`y` are 0–9, `j k l m n o` are `* + , - . /`.
    func testApplicationKeypadKeysAreTheirCharacters() {
        for (final, c) in zip("pqrstuvwxy".unicodeScalars, "0123456789") {
            XCTAssertEqual(EscapeSequence.applicationKeypad(final: final.value), .character(c))
            XCTAssertEqual(decode("O" + String(final)), .complete(.character(c), length: 2))
        }
        for (final, c) in zip("jklmno".unicodeScalars, "*+,-./") {
            XCTAssertEqual(EscapeSequence.applicationKeypad(final: final.value), .character(c))
        }
        XCTAssertEqual(EscapeSequence.applicationKeypad(final: 0x4D), .enter)   // `Esc O M`
        // F1–F4 and the cursor keys are no keypad characters.
        for final in "PQRSABCDHF".unicodeScalars { XCTAssertNil(EscapeSequence.applicationKeypad(final: final.value)) }
    }
}

/// A bracketed paste's text is every unit before the end mark (the last one was dropped when the
/// mark completed).
final class BracketedPasteTests: XCTestCase {
    func gather(_ text: String, end: Bool = true, limit: Int = 4096) -> BracketedPaste {
        var p = BracketedPaste(limit: limit)
        for u in text.unicodeScalars { p.add(u.value) }
        if end { for u in BracketedPaste.endMark { p.add(u) } }
        return p
    }

    func testTheTextBeforeTheEndMarkIsWhole() {
        for text in ["431.7", "4", "", "430 480", "T_s ± 1 K", "\u{1B}[A"] {
            let p = gather(text)
            XCTAssertTrue(p.ended)
            XCTAssertEqual(p.text, text)
        }
        // A paste cut short (no end mark): all that came.
        XCTAssertEqual(gather("431", end: false).text, "431")
        XCTAssertFalse(gather("431", end: false).ended)
        // A long paste keeps its first `limit` scalars and still sees its end.
        let long = gather(String(repeating: "7", count: 10_000), limit: 100)
        XCTAssertTrue(long.ended)
        XCTAssertEqual(long.text, String(repeating: "7", count: 100))
        XCTAssertEqual(gather("12345", limit: 3).text, "123")
    }
}
