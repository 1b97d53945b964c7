#ifndef GLASSVIEW_CNCURSES_SHIM_H
#define GLASSVIEW_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide API must be switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
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
static inline mmask_t gv_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline int gv_utf8_locale(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0]=='U'||cs[0]=='u') && (cs[1]=='T'||cs[1]=='t') && (cs[2]=='F'||cs[2]=='f');
}
#endif
