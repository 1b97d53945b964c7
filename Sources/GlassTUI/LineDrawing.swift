/// The box-drawing characters a frame holds with ``RenderStyle/lineDrawing`` and the letters
/// terminfo's `acsc` gives them: in a locale that is not UTF-8 the terminal draws them from its
/// alternate character set (vt100's graphics set, ncurses' `ACS_HLINE`…), as htop, mc and tmux
/// do. Where an entry lacks one, ncurses draws its ASCII stand-in (`-`, `|`, `+`).
enum LineDrawing {
    /// The `acsc` letter of box-drawing character `scalar`, nil for any other character.
    static func terminfoCode(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x2500: return UInt8(ascii: "q")  // ─
        case 0x2502: return UInt8(ascii: "x")  // │
        case 0x250C: return UInt8(ascii: "l")  // ┌
        case 0x2510: return UInt8(ascii: "k")  // ┐
        case 0x2514: return UInt8(ascii: "m")  // └
        case 0x2518: return UInt8(ascii: "j")  // ┘
        case 0x251C: return UInt8(ascii: "t")  // ├
        case 0x2524: return UInt8(ascii: "u")  // ┤
        case 0x252C: return UInt8(ascii: "w")  // ┬
        case 0x2534: return UInt8(ascii: "v")  // ┴
        case 0x253C: return UInt8(ascii: "n")  // ┼
        default: return nil
        }
    }
}
