import CNcurses
import Synchronization

/// Questions put to a terminal type's terminfo entry without opening a screen. terminfo answers
/// them through one process-wide global (`setupterm` loads the entry into `cur_term`,
/// `del_curterm` frees it), so two threads asking at once read an entry the other has freed:
/// Swift Testing's parallel tests crashed in libtinfo that way. Every question takes its turn.
enum TerminfoEntry {
    private static let turn = Mutex<Void>(())

    /// `gv_colours_of(term)`: the entry's colours, 0 without `colors`, -1 with no entry here.
    static func colours(of term: String) -> Int32 {
        turn.withLock { _ in term.withCString { gv_colours_of($0) } }
    }

    /// `gv_addresses_cursor(term)`: 1 when the entry has `cup`, 0 without, -1 with no entry here.
    static func addressesCursor(_ term: String) -> Int32 {
        turn.withLock { _ in term.withCString { gv_addresses_cursor($0) } }
    }
}
