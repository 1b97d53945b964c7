import CNcurses
import GlassPlatform
import GlassPlot

/// Why the terminal could not be opened.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    /// One line for the user.
    public var description: String
}

/// The ncurses backend: `newterm` (an unknown TERM is opened with a stand-in entry where its
/// family is known, ``TerminalStandIn``, else reported, not fatal), cbreak, keypad,
/// mouse where offered, a 100 ms read timeout for signal polling, colours via init_pair;
/// escape sequences terminfo does not list are decoded or swallowed by ``EscapeSequence``.
public struct NcursesTerminal: TerminalBackend {
    /// Braille/Unicode when the locale is UTF-8 and ASCII is not forced; else ASCII, with the
    /// terminal's line-drawing characters for lines where its entry has them (`acsc`) and ASCII
    /// is not forced; colours when the terminal has them and `NO_COLOR` is unset.
    public private(set) var style: RenderStyle
    private var open = true
    private var colourCount: Int32 = 0
    private var pairs: Int32 = 0
    /// The terminfo entry opened in place of TERM's, when this machine has none for TERM.
    public private(set) var standIn: String?
    /// Columns left blank at the right edge: 1 where the terminal type's entry wraps as soon as
    /// the last column is written (`gv_wraps_at_once`: TERM=ansi, cygwin, cons25, sun). Whether
    /// the emulator really does (a PC console) or holds the cursor at the margin (xterm, tmux
    /// under TERM=ansi) cannot be told; ncurses, trusting the entry, then moved "in the next row"
    /// while still in the last one, and rows were written over each other. Frames that never
    /// reach the last column are drawn right either way (curses' own screen keeps the terminal's
    /// width: it wraps by its own count of columns).
    private var spareColumns: Int32 = 0
    /// Whether the cursor is hidden: not where the entry has no `civis` (vt100, ansi, sun,
    /// xterm-mono). There each frame parks it (``park(_:)``), not wherever the last cell put it.
    private var cursorHidden = true
    /// Whether a clear is done by erasing (home, ed) instead of the entry's `clear`, which is no
    /// erase there: sun's form feed (a line feed to today's emulators), mach's full reset
    /// (`gv_clear_needs_erase`).
    private var eraseToClear = false

    /// Sets up the screen. Call `setlocale(LC_CTYPE, "")` and `SignalWatch.install()` first.
    public init(forceASCII: Bool, environment: [String: String]) throws {
        let term = environment["TERM"] ?? ""
        if term.isEmpty { throw TerminalError(description: "TERM is not set; the explorer needs a terminal (use `glassview analyze` or `glassview plot`)") }
        // A type whose entry cannot move the cursor (dumb, a hardcopy or glass-tty entry) would
        // write every frame on one line: refused, as an unknown one is.
        if term == "dumb" || TerminfoEntry.addressesCursor(term) == 0 {
            throw TerminalError(description: "TERM=\(term) cannot show a full-screen explorer (its terminfo entry cannot move the cursor); use `glassview analyze STUDY` or `glassview plot STUDY --view NAME`")
        }
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw TerminalError(description: "the explorer needs a terminal on stdin and stdout; use `glassview analyze` or `glassview plot` in scripts")
        }
        // The tty's size, never LINES/COLUMNS left in the environment (`eval $(resize)`, a
        // shell that exports them): ncurses would take those over the window's and keep them
        // through every resize. Where the tty reports its size they are dropped; a pty opened
        // without one keeps them (then terminfo's, which the Linux console's entry lacks).
        if gv_tty_has_size() != 0 {
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        var opened = gv_newterm(nil)
        if opened == nil {
            for entry in TerminalStandIn.candidates(for: term) {
                opened = entry.withCString { gv_newterm($0) }
                if opened != nil { standIn = entry; break }
            }
        }
        guard let screen = opened else {
            throw TerminalError(description: "unknown terminal type TERM=\(term); try TERM=xterm-256color")
        }
        set_term(screen)
        spareColumns = gv_wraps_at_once() != 0 ? 1 : 0
        eraseToClear = gv_clear_needs_erase() != 0
        cbreak()
        noecho()
        nonl()
        keypad(gv_stdscr(), true)
        // ESCDELAY, when the user set it (a slow link): ncurses' wait after an Esc, and the
        // decoder's between the further units of a sequence ncurses does not know.
        escapeMilliseconds = Self.escapeDelay(environment["ESCDELAY"])
        set_escdelay(escapeMilliseconds)
        cursorHidden = gv_hide_cursor() != 0
        wtimeout(gv_stdscr(), Self.pollMilliseconds)
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var colours = false
        if has_colors(), !noColour {
            start_color()
            use_default_colors()
            colourCount = gv_colors()
            pairs = gv_color_pairs()
            let n = min(Int32(16), colourCount, pairs - 1)
            if n >= 8 {
                for c in 0..<n { init_pair(Int16(c + 1), Int16(c), -1) }
                colours = true
            }
        }
        if mousemask(gv_all_mouse_events(), nil) != 0 { mouseinterval(0) }
        // Bracketed paste: a terminal that knows it marks pasted text, which is then never run
        // as keys; one that does not ignores the request (a private mode it lacks).
        Self.sendRaw("\u{1B}[?2004h")
        PasteModeAcrossSuspend.install()
        let utf8 = gv_utf8_locale() != 0
        // Line drawing only where the locale is not UTF-8: a UTF-8 screen keeps its Unicode
        // boxes (and the Linux console's ASCII ones) as they were.
        style = RenderStyle(braille: !forceASCII && utf8 && !TerminalStandIn.isLinuxConsole(term), colours: colours,
                            dim: gv_has_dim() != 0, lineDrawing: !forceASCII && !utf8 && gv_has_line_drawing() != 0)
    }

    /// Current size: the terminal's, less the spare columns.
    public var size: (width: Int, height: Int) { (max(0, Int(gv_cols() - spareColumns)), Int(gv_lines())) }

    /// How long `read` waits for a key before it returns (the runtime polls signals then).
    static let pollMilliseconds: Int32 = 100
    /// How long ncurses waits after an Esc for the rest of a sequence it knows, and `read` for
    /// each further unit of one it does not: a lone Esc still acts at once. `ESCDELAY` sets it.
    static let defaultEscapeMilliseconds: Int32 = 25
    /// The longest `ESCDELAY` taken: a lone Esc (closing the help, cancelling a prompt) waits
    /// that long, and the explorer answers nothing meanwhile (resizes, signals) — past 2 s it
    /// would look hung.
    static let maximumEscapeMilliseconds: Int32 = 2000

    /// The wait `ESCDELAY` asks for: a positive whole number of ms, at most 2000; the default for
    /// anything else (unset, empty, 0, `abc`).
    static func escapeDelay(_ value: String?) -> Int32 {
        guard let v = value.flatMap({ Int32($0) }), v > 0 else { return defaultEscapeMilliseconds }
        return min(v, maximumEscapeMilliseconds)
    }
    private var escapeMilliseconds = NcursesTerminal.defaultEscapeMilliseconds
    /// Pasted text kept, at most (the rest of a longer paste is read and dropped).
    static let pasteLimit = 4096

    /// A unit of input: a character code, or a key code ncurses decoded (`KEY_*`).
    private enum Unit {
        case character(UInt32)
        case function(Int32)
    }

    /// Characters read after an Esc that were not part of its sequence: read again first.
    private var unread: [UInt32] = []

    /// Reads one input (or times out after 100 ms).
    public mutating func read() -> TerminalInput {
        let unreadBefore = unread.count
        switch next(timeout: Self.pollMilliseconds) {
        case nil:
            // A terminal gone without a SIGHUP to this process (a wrapper script was the session
            // leader) answers every read at once: a hangup, not a busy loop on a dead tty.
            if gv_input_gone() != 0 { SignalWatch.hangUp() }
            return .timeout
        case .function(let code)?: return function(code)
        // An Esc ncurses handed over has had its wait (ESCDELAY) for the rest of a sequence: what
        // came meanwhile is queued, so the decoder's first read does not wait again (a lone Esc
        // waited twice ESCDELAY). One read again from `unread` has had no wait.
        case .character(27)?: return escapeSequence(waited: unreadBefore == 0)
        case .character(let code)?: return character(code)
        }
    }

    /// The next unit within `timeout` ms, the ones put back first.
    private mutating func next(timeout: Int32) -> Unit? {
        if !unread.isEmpty { return .character(unread.removeFirst()) }
        wtimeout(gv_stdscr(), timeout)
        var code: Int32 = 0
        switch gv_read_key(&code) {
        case 0: return nil
        case 2: return .function(code)
        default: return .character(UInt32(bitPattern: code))
        }
    }

    /// The rest of a sequence after an Esc ncurses did not match (see ``EscapeSequence``); with
    /// `waited`, ncurses has waited ESCDELAY after the Esc already, so the first unit is only
    /// taken if it is there.
    private mutating func escapeSequence(waited: Bool) -> TerminalInput {
        var units: [UInt32] = []
        while true {
            switch EscapeSequence.decode(units) {
            case .complete(let key, let length):
                unread.insert(contentsOf: units[length...], at: 0)
                if key == .paste("") { return .key(.paste(pasted())) }
                return key.map { .key($0) } ?? .timeout
            case .incomplete:
                switch next(timeout: units.isEmpty && waited ? 0 : escapeMilliseconds) {
                case nil: return EscapeSequence.timedOut(units).map { .key($0) } ?? .timeout
                // A resize or a key ncurses decoded ends what came before (dropped).
                case .function(let code)?: return function(code)
                case .character(let code)?: units.append(code)
                }
            }
        }
    }

    /// The text of a bracketed paste up to its end mark `Esc [ 201 ~` (or a pause of a second:
    /// a paste cut short must not swallow the keys after it).
    private mutating func pasted() -> String {
        var paste = BracketedPaste(limit: Self.pasteLimit)
        var silent = 0
        while silent < 10 && !paste.ended {
            guard case .character(let u)? = next(timeout: Self.pollMilliseconds) else { silent += 1; continue }
            silent = 0
            paste.add(u)
        }
        return paste.text
    }

    /// A key ncurses decoded from terminfo.
    private func function(_ code: Int32) -> TerminalInput {
        // The application keypad (ncurses' keypad mode turns it on: xterm's digits then send
        // `Esc O p`…`y`): its character, as EscapeSequence reads the sequences terminfo lists not.
        let final = gv_ss3_final(code)
        if final > 0, let key = EscapeSequence.applicationKeypad(final: UInt32(final)) { return .key(key) }
        switch code {
        case gv_key_resize(): return .resize(width: size.width, height: size.height)
        case gv_key_left(): return .key(.left)
        case gv_key_right(): return .key(.right)
        case gv_key_up(): return .key(.up)
        case gv_key_down(): return .key(.down)
        case gv_key_sleft(): return .key(.shiftLeft)
        case gv_key_sright(): return .key(.shiftRight)
        case gv_key_btab(): return .key(.backTab)
        case gv_key_backspace(): return .key(.backspace)
        case gv_key_dc(): return .key(.delete)
        case gv_key_enter(): return .key(.enter)
        // vt220's terminfo (and xterm-mono's, rxvt's) names `Esc [ 1 ~` and `Esc [ 4 ~` Find and
        // Select: the keys labelled Home and End on today's keyboards.
        case KEY_HOME, KEY_FIND: return .key(.home)
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .key(.function(Int(code - KEY_F0)))
        // Keys bound nowhere are named, to be said to mean nothing (they were dropped silently).
        case KEY_IC: return .key(.other("Insert"))
        case KEY_SR: return .key(.other("Shift-Up"))
        case KEY_SF: return .key(.other("Shift-Down"))
        case KEY_SHOME: return .key(.other("Shift-Home"))
        case KEY_SEND: return .key(.other("Shift-End"))
        // xterm's modified F-keys as terminfo numbers them: F13–F24 Shift, F25–F36 Ctrl, F37–F48
        // Ctrl-Shift, F49–F60 Alt, F61–F63 Alt-Shift.
        case (KEY_F0 + 13)...(KEY_F0 + 63): return .key(.other(Self.modifiedFunctionKey(Int(code - KEY_F0))))
        // The keypad's keys as terminfo names them, where they are no `Esc O` sequence.
        case KEY_A1: return .key(.character("7"))
        case KEY_A3: return .key(.character("9"))
        case KEY_B2: return .key(.character("5"))
        case KEY_C1: return .key(.character("1"))
        case KEY_C3: return .key(.character("3"))
        case gv_key_mouse():
            var x: Int32 = 0, y: Int32 = 0
            return gv_read_click(&x, &y) != 0 ? .key(.click(column: Int(x), row: Int(y))) : .timeout
        default:
            // Every other code, by its name: terminfo's extended keys (xterm's Ctrl-← is `kLFT5`,
            // rxvt-unicode's Shift-↑ `kUP`), curses' shifted keys (`KEY_SDC`), else its number.
            return .key(TerminfoKeyName.key(code: code, name: keyname(code).map { String(cString: $0) }))
        }
    }

    /// `Shift-F5` for terminfo's F17 (xterm's numbering of modified F-keys).
    static func modifiedFunctionKey(_ n: Int) -> String {
        let prefixes = ["Shift-", "Ctrl-", "Ctrl-Shift-", "Alt-", "Alt-Shift-"]
        let group = (n - 13) / 12
        return group < prefixes.count ? prefixes[group] + "F\((n - 13) % 12 + 1)" : "F\(n)"
    }

    /// A character code read as such.
    private func character(_ code: UInt32) -> TerminalInput {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 12: return .redraw  // Ctrl-L
        case 21: return .key(.clearLine)  // Ctrl-U
        default:
            // Other control characters (Ctrl-W, Ctrl-A…) come through as characters: the normal
            // mode names them as keys that mean nothing; the prompts take digits only.
            if code == 0 { return .key(.other("Ctrl-Space")) }
            guard code != 27, let scalar = Unicode.Scalar(code) else { return .timeout }
            return .key(.character(Character(scalar)))
        }
    }

    /// Copies `frame` to the screen; empty cells (including empty braille) are spaces; with
    /// line drawing, box-drawing characters come from the terminal's alternate character set.
    public mutating func draw(_ frame: Frame) {
        let (w, h) = size
        var scalars: [wchar_t] = []
        scalars.reserveCapacity(Cell.maximumBytes)
        for y in 0..<min(h, frame.height) {
            for x in 0..<min(w, frame.width) {
                let cell = frame[x, y]
                if cell.isWideTail { continue }   // the wide character in the cell before covers it
                // The whole grapheme: its base and combining marks in one cell (what a cell holds
                // is drawn whole, ``WholeCluster``; nothing is cut here).
                scalars.removeAll(keepingCapacity: true)
                TerminalCell.appendScalars(of: cell, to: &scalars)
                var bold = cell.attributes.contains(.bold)
                var pair: Int16 = 0
                if let fg = cell.foreground, style.colours {
                    var c = Int32(fg)
                    if c >= colourCount || c + 1 >= pairs { c = c % 8; bold = true }
                    pair = Int16(c + 1)
                }
                if style.lineDrawing, scalars.count == 1, let code = LineDrawing.terminfoCode(UInt32(scalars[0])) {
                    _ = gv_put_line(Int32(y), Int32(x), code, bold ? 1 : 0, cell.attributes.contains(.reverse) ? 1 : 0,
                                    cell.attributes.contains(.dim) ? 1 : 0, pair)
                    continue
                }
                _ = gv_put_grapheme(Int32(y), Int32(x), scalars, Int32(scalars.count), Int32(TerminalCell.columns(frame, x, y)),
                                    bold ? 1 : 0, cell.attributes.contains(.reverse) ? 1 : 0, cell.attributes.contains(.dim) ? 1 : 0, pair)
            }
        }
        if !cursorHidden { park(frame.caret) }
        gv_refresh(eraseToClear ? 1 : 0)
    }

    /// Where a cursor the terminal cannot hide waits: on a prompt's caret while one is typed,
    /// else in the frame's bottom-right cell, the end of the status line (blank but for a
    /// message as wide as the screen), never over the plot or a label. Not in a spare column:
    /// ncurses reaches that by a backspace from the next row's start where the entry says it
    /// wraps back (cons25's `bw`), which today's emulators do not.
    private func park(_ caret: FramePoint?) {
        let (w, h) = size
        guard w > 0, h > 0 else { return }
        let at = caret.flatMap { $0.x >= 0 && $0.x < w && $0.y >= 0 && $0.y < h ? $0 : nil } ?? FramePoint(x: w - 1, y: h - 1)
        gv_park_cursor(Int32(at.y), Int32(at.x))
    }

    /// The next refresh clears the screen and sends every cell (curses' `clearok`).
    public mutating func invalidate() { clearok(gv_stdscr(), true) }

    /// Ends curses mode: cursor, echo, mouse and alternate screen restored. A terminal without an
    /// alternate screen (vt100, vt220, the Linux console) is cleared first, so the shell's prompt
    /// does not land on the last frame.
    public mutating func close() {
        guard open else { return }
        open = false
        mousemask(0, nil)
        PasteModeAcrossSuspend.uninstall()
        Self.sendRaw("\u{1B}[?2004l")
        if gv_has_alternate_screen() == 0 {
            wclear(gv_stdscr())
            gv_refresh(eraseToClear ? 1 : 0)
        }
        curs_set(1)
        endwin()
    }

    /// Writes a control sequence curses does not know straight to the terminal (after what
    /// curses has buffered).
    private static func sendRaw(_ sequence: String) {
        fflush(nil)
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
