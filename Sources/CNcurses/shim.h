#ifndef GLASSVIEW_CNCURSES_SHIM_H
#define GLASSVIEW_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide API must be switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <poll.h>
#include <wchar.h>
#include <string.h>
#include <ncursesw/curses.h>

// Function-like macros and C globals do not import into Swift 6; wrap them.
static inline int gv_color_pair(int n) { return COLOR_PAIR(n); }
static inline int gv_a_bold(void) { return A_BOLD; }
static inline int gv_a_reverse(void) { return A_REVERSE; }
static inline int gv_a_dim(void) { return A_DIM; }
static inline int gv_lines(void) { return LINES; }
static inline int gv_cols(void) { return COLS; }
static inline WINDOW *gv_stdscr(void) { return stdscr; }
static inline int gv_key_resize(void) { return KEY_RESIZE; }
static inline int gv_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t gv_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
// Whether the terminal has an alternate screen (terminfo smcup): without one the last frame
// stays on the screen after endwin unless it is cleared.
static inline int gv_has_alternate_screen(void) {
    const char *s = tigetstr("smcup");
    return s != NULL && s != (const char *)-1 && s[0] != 0;
}
// The colours terminfo gives terminal type `term`, without opening a screen: `plot` asks before
// it writes colour escapes. -1 only when this machine has no entry for `term`; an entry without
// `colors` (tigetnum's -1, xterm-mono, vt220) or a hardcopy one has none: 0.
#include <ncursesw/term.h>
static inline int gv_colours_of(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) != OK) return err == 1 ? 0 : -1;
    int n = tigetnum("colors");
    del_curterm(cur_term);
    return n < 0 ? 0 : n;
}
// Whether the terminal type's entry says the cursor wraps as soon as the last column is written
// (am without xenl: ansi, pcansi, cons25, cygwin, sun, mach). Today's emulators (xterm, tmux,
// VTE) hold it at the margin until the next character instead, so under such a TERM ncurses'
// idea of where the cursor is goes one row wrong after a write to the last column.
static inline int gv_wraps_at_once(void) { return auto_right_margin && !eat_newline_glitch; }
// Whether terminal type `term` can draw a full screen: 1 when its entry moves the cursor to any
// cell (cup); 0 when it cannot (a hardcopy or glass-tty entry, dumb: everything would land on
// one line); -1 when this machine has no entry for it. Without opening a screen.
static inline int gv_addresses_cursor(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) != OK) return err == 1 ? 0 : -1;
    const char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (const char *)-1 && cup[0] != 0;
    del_curterm(cur_term);
    return ok;
}
// Whether the screen is to be cleared by going home and erasing to its end (cup, ed) rather than
// by the entry's `clear`, when that is no erase of the display: sun's form feed (^L), which
// today's emulators (xterm, tmux, VTE) take as a line feed, so nothing was cleared and the first
// frame was drawn over the shell's text; mach's and hurd's full reset (`Esc c`), which also ends
// what the explorer turned on (bracketed paste). An ANSI or vt52 erase (`Esc [ J`, `Esc [ 2 J`,
// `Esc J`) is kept, and so is `clear` where the entry has no ed.
static inline int gv_clear_needs_erase(void) {
    const char *s = clear_screen;
    if (s == NULL || s == (const char *)-1 || s[0] == 0) return 0;
    if (strstr(s, "\033[J") || strstr(s, "\033[0J") || strstr(s, "\033[2J") || strstr(s, "\033J")) return 0;
    const char *ed = clr_eos;
    return ed != NULL && ed != (const char *)-1 && ed[0] != 0;
}
// Refreshes the screen. With `erase`, a clear ncurses has pending (its first frame, clearok,
// wclear) is done here instead of by `clear`: normal attributes, the cursor home, ed; curses is
// then told the screen is blank, so the refresh sends every cell that is not.
static inline void gv_refresh(int erase) {
    if (erase && (is_cleared(stdscr) || is_cleared(curscr) || is_cleared(newscr))) {
        clearok(stdscr, FALSE);
        clearok(curscr, FALSE);
        clearok(newscr, FALSE);
        vidattr(A_NORMAL);
        mvcur(-1, -1, 0, 0);
        putp(clr_eos);
        // These three write through stdio (stdout's buffer), the refresh through curses' own.
        fflush(stdout);
        werase(curscr);
    }
    wrefresh(stdscr);
}
// Hides the cursor; 0 where the entry has no `civis` (vt100, ansi, sun, xterm-mono): the cursor
// then stays visible wherever it was left.
static inline int gv_hide_cursor(void) { return curs_set(0) != ERR; }
// Puts the cursor at row y, column x without drawing (where a visible cursor is parked).
static inline void gv_park_cursor(int y, int x) { wmove(stdscr, y, x); }
// Whether the terminal on stdout reports a size (a pty opened without one reports 0×0).
#include <sys/ioctl.h>
static inline int gv_tty_has_size(void) {
    struct winsize w;
    return ioctl(1, TIOCGWINSZ, &w) == 0 && w.ws_row > 0 && w.ws_col > 0;
}
// Whether the terminal's entry has vt100 line-drawing characters (terminfo acsc: xterm, screen,
// tmux, vt100, vt220, linux): acsc names the horizontal line, and names every line, corner and
// tee by a 7-bit character of the alternate set. The PC entries (ansi, pcansi, cons25, cygwin)
// name them by bytes of code page 437 after `Esc [ 11 m`: a PC console draws those, a terminal
// emulator under TERM=ansi (tmux, xterm) nothing or accented letters. `sun` has no acsc.
static inline int gv_has_line_drawing(void) {
    const char *s = tigetstr("acsc");
    if (s == NULL || s == (const char *)-1) return 0;
    int hline = 0;
    for (; s[0] != 0 && s[1] != 0; s += 2) {
        if (strchr("jklmnqtuvwx", s[0]) == NULL) continue;
        if ((unsigned char)s[1] >= 0x80) return 0;
        if (s[0] == 'q') hline = 1;
    }
    return hline;
}
// Draws one cell as line-drawing character `code` (acsc's letter: q ─, x │, l k m j corners,
// t u w v tees, n cross) from the terminal's alternate character set, with attributes and a
// colour pair as gv_put_grapheme; ncurses puts its ASCII stand-in where acsc lacks the letter.
static inline int gv_put_line(int y, int x, unsigned char code, int bold, int reverse, int dim, short pair) {
    chtype ch = NCURSES_ACS(code) | COLOR_PAIR(pair);
    if (bold) ch |= A_BOLD;
    if (reverse) ch |= A_REVERSE;
    if (dim) ch |= A_DIM;
    return mvwaddch(stdscr, y, x, ch);
}
static inline int gv_utf8_locale(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0]=='U'||cs[0]=='u') && (cs[1]=='T'||cs[1]=='t') && (cs[2]=='F'||cs[2]=='f');
}

// Draws one cell: a grapheme with attributes and a colour pair (0 = default), `span` columns wide as
// the layout placed it (2: a wide character, which takes this cell and the next). The cell's
// character is one the terminal draws whole (GlassPlot's WholeCluster: a spacing character and
// up to 4 zero-width marks, setcchar's CCHARW_MAX in all). Should one still be more than
// setcchar keeps (a mark this C library does not count as zero-width), U+FFFD is drawn, and a
// space after it in a wide one's second column: setcchar would cut it silently.
_Static_assert(CCHARW_MAX == 5, "WholeCluster.maximumScalars is ncurses' CCHARW_MAX");
static inline int gv_put_grapheme(int y, int x, const wchar_t *chars, int count, int span, int bold, int reverse, int dim, short pair) {
    cchar_t cc;
    wchar_t text[CCHARW_MAX + 1] = { 0 };
    int whole = count >= 1 && count <= CCHARW_MAX && (count == 1 || wcwidth(chars[0]) > 0);
    for (int i = 0; whole && i < count; i++) {
        if (i > 0 && wcwidth(chars[i]) != 0) whole = 0;
        text[i] = chars[i];
    }
    attr_t attrs = A_NORMAL;
    if (bold) attrs |= A_BOLD;
    if (reverse) attrs |= A_REVERSE;
    if (dim) attrs |= A_DIM;
    if (!whole) {
        wchar_t blank[2] = { L' ', 0 };
        if (span > 1 && setcchar(&cc, blank, attrs, pair, NULL) == OK) mvwadd_wch(stdscr, y, x + 1, &cc);
        text[0] = 0xFFFD;
        text[1] = 0;
    }
    if (setcchar(&cc, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}
// Reads one key: returns 0 on timeout, 1 for a character (in *code), 2 for a function key.
static inline int gv_read_key(int *code) {
    wint_t ch = 0;
    int r = wget_wch(stdscr, &ch);
    *code = (int)ch;
    if (r == ERR) return 0;
    return r == KEY_CODE_YES ? 2 : 1;
}
// The final byte of the sequence terminfo binds to key code `code` when it is an SS3 sequence
// (`Esc O x`: the application keypad's keys, whatever terminfo names them), else 0.
#include <stdlib.h>
static inline int gv_ss3_final(int code) {
    char *s = keybound(code, 0);
    if (s == NULL) return 0;
    int f = (s[0] == 27 && s[1] == 'O' && s[2] != 0 && s[3] == 0) ? (unsigned char)s[2] : 0;
    free(s);
    return f;
}
// Whether standard input is gone: the terminal hung up (POLLHUP, POLLERR) or the descriptor is
// closed (POLLNVAL). ncurses then reports every read as a timeout at once, without waiting.
static inline int gv_input_gone(void) {
    struct pollfd p = { .fd = 0, .events = POLLIN, .revents = 0 };
    if (poll(&p, 1, 0) != 1) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}
// The position of a button-1 press or click, if the pending mouse event is one.
static inline int gv_read_click(int *x, int *y) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return 0;
    // Not its release: with mouseinterval(0) a click arrives as a press and a release, and a
    // click on a state toggled it twice (shown, then hidden again).
    if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) return 0;
    *x = ev.x; *y = ev.y;
    return 1;
}
static inline SCREEN *gv_newterm(const char *type) { return newterm(type, stdout, stdin); }
static inline int gv_colors(void) { return COLORS; }
// Whether the terminal has the dim (half-bright) attribute: vt100, vt220 and rxvt-unicode do not.
static inline int gv_has_dim(void) { return (term_attrs() & WA_DIM) != 0; }
static inline int gv_color_pairs(void) { return COLOR_PAIRS; }
static inline int gv_key_left(void) { return KEY_LEFT; }
static inline int gv_key_right(void) { return KEY_RIGHT; }
static inline int gv_key_up(void) { return KEY_UP; }
static inline int gv_key_down(void) { return KEY_DOWN; }
static inline int gv_key_sleft(void) { return KEY_SLEFT; }
static inline int gv_key_sright(void) { return KEY_SRIGHT; }
static inline int gv_key_btab(void) { return KEY_BTAB; }
static inline int gv_key_backspace(void) { return KEY_BACKSPACE; }
static inline int gv_key_dc(void) { return KEY_DC; }
static inline int gv_key_enter(void) { return KEY_ENTER; }
#endif
