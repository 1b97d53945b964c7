/// A key press or pointer event as the explorer sees it, independent of the terminal library.
public enum Key: Equatable, Sendable {
    /// A printable character (letters, digits, punctuation, space).
    case character(Character)
    /// Arrow keys.
    case left, right, up, down
    /// Shifted arrows (ten data steps).
    case shiftLeft, shiftRight
    /// Return / Enter.
    case enter
    /// Escape.
    case escape
    /// Backspace.
    case backspace
    /// Delete (erases after a prompt's caret).
    case delete
    /// Ctrl-U: clears a prompt's text (the shell's habit).
    case clearLine
    /// Tab and Shift-Tab.
    case tab, backTab
    /// Home, End, Page Up, Page Down (the lists page and jump with them).
    case home, end, pageUp, pageDown
    /// A function key, F1 … F12 (F1 opens the help, as in htop and mc).
    case function(Int)
    /// A mouse click at a 0-based screen column and row.
    case click(column: Int, row: Int)
    /// Text the terminal marked as pasted (bracketed paste): never run as keys.
    case paste(String)
    /// A key the explorer binds nowhere, by name (`Insert`, `Alt-x`, `Shift-Up`).
    case other(String)
}
