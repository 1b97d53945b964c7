import CNcurses
import GlassPlatform
import GlassPlot

/// Why the terminal could not be opened.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    /// One line for the user.
    public var description: String
}

/// The ncurses backend: `newterm` (an unknown TERM is reported, not fatal), cbreak, keypad,
/// mouse where offered, a 100 ms read timeout for signal polling, colours via init_pair.
public struct NcursesTerminal: TerminalBackend {
    /// Braille/Unicode when the locale is UTF-8 and ASCII is not forced; colours when the
    /// terminal has them and `NO_COLOR` is unset.
    public private(set) var style: RenderStyle
    private var open = true
    private var colourCount: Int32 = 0
    private var pairs: Int32 = 0

    /// Sets up the screen. Call `setlocale(LC_CTYPE, "")` and `SignalWatch.install()` first.
    public init(forceASCII: Bool, environment: [String: String]) throws {
        let term = environment["TERM"] ?? ""
        if term.isEmpty { throw TerminalError(description: "TERM is not set; the explorer needs a terminal (use `glassview analyze` or `glassview plot`)") }
        if term == "dumb" {
            throw TerminalError(description: "TERM=dumb cannot show a full-screen explorer; use `glassview analyze STUDY` or `glassview plot STUDY --view NAME`")
        }
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw TerminalError(description: "the explorer needs a terminal on stdin and stdout; use `glassview analyze` or `glassview plot` in scripts")
        }
        guard let screen = gv_newterm() else {
            throw TerminalError(description: "unknown terminal type TERM=\(term); try TERM=xterm-256color")
        }
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(gv_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(gv_stdscr(), 100)
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
        style = RenderStyle(braille: !forceASCII && gv_utf8_locale() != 0, colours: colours)
    }

    /// Current size.
    public var size: (width: Int, height: Int) { (Int(gv_cols()), Int(gv_lines())) }

    /// Reads one input (or times out after 100 ms).
    public mutating func read() -> TerminalInput {
        var code: Int32 = 0
        switch gv_read_key(&code) {
        case 0:
            return .timeout
        case 2:
            switch code {
            case gv_key_resize(): return .resize(width: Int(gv_cols()), height: Int(gv_lines()))
            case gv_key_left(): return .key(.left)
            case gv_key_right(): return .key(.right)
            case gv_key_up(): return .key(.up)
            case gv_key_down(): return .key(.down)
            case gv_key_sleft(): return .key(.shiftLeft)
            case gv_key_sright(): return .key(.shiftRight)
            case gv_key_btab(): return .key(.backTab)
            case gv_key_backspace(), gv_key_dc(): return .key(.backspace)
            case gv_key_enter(): return .key(.enter)
            case gv_key_mouse():
                var x: Int32 = 0, y: Int32 = 0
                return gv_read_click(&x, &y) != 0 ? .key(.click(column: Int(x), row: Int(y))) : .timeout
            default: return .timeout
            }
        default:
            switch code {
            case 9: return .key(.tab)
            case 10, 13: return .key(.enter)
            case 27: return .key(.escape)
            case 8, 127: return .key(.backspace)
            case 12: return .redraw  // Ctrl-L
            default:
                guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)), code >= 32 else { return .timeout }
                return .key(.character(Character(scalar)))
            }
        }
    }

    /// The empty braille character, drawn as a space.
    private static let emptyBraille = Cell("\u{2800}")

    /// Copies `frame` to the screen; empty cells (including empty braille) are spaces.
    public mutating func draw(_ frame: Frame) {
        let (w, h) = size
        var scalars: [wchar_t] = []
        scalars.reserveCapacity(15)
        for y in 0..<min(h, frame.height) {
            for x in 0..<min(w, frame.width) {
                let cell = frame[x, y]
                if cell.isWideTail { continue }   // the wide character in the cell before covers it
                // The whole grapheme: its base and combining marks in one cell (at most 5).
                scalars.removeAll(keepingCapacity: true)
                if !cell.showsSameCharacter(as: NcursesTerminal.emptyBraille) { cell.appendScalarValues(to: &scalars) }
                if scalars.isEmpty { scalars.append(32) }
                if scalars.count > 5 { scalars.removeLast(scalars.count - 5) }
                var bold = cell.attributes.contains(.bold)
                var pair: Int16 = 0
                if let fg = cell.foreground, style.colours {
                    var c = Int32(fg)
                    if c >= colourCount || c + 1 >= pairs { c = c % 8; bold = true }
                    pair = Int16(c + 1)
                }
                _ = gv_put_grapheme(Int32(y), Int32(x), scalars, Int32(scalars.count), bold ? 1 : 0,
                                    cell.attributes.contains(.reverse) ? 1 : 0, cell.attributes.contains(.dim) ? 1 : 0, pair)
            }
        }
        wrefresh(gv_stdscr())
    }

    /// The next refresh clears the screen and sends every cell (curses' `clearok`).
    public mutating func invalidate() { clearok(gv_stdscr(), true) }

    /// Ends curses mode: cursor, echo, mouse and alternate screen restored.
    public mutating func close() {
        guard open else { return }
        open = false
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }
}
