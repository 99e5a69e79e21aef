// Why this header exists: SwiftPM drops the -D_XOPEN_SOURCE flags that
// `pkg-config ncursesw` prints, so the wide-character API (get_wch, cchar_t,
// setcchar, mvadd_wch) would not import. Defining the feature macros here,
// before the include, makes them visible. Function-like macros and global
// variables (stdscr, COLORS, A_BOLD) do not import into Swift 6 either, so
// they are wrapped in static inline functions below.
#ifndef CAMPAIGNDECK_NCURSES_SHIM_H
#define CAMPAIGNDECK_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *cdeck_stdscr(void) { return stdscr; }
static inline int cdeck_colors(void) { return COLORS; }
static inline int cdeck_color_pairs(void) { return COLOR_PAIRS; }
static inline int cdeck_lines(void) { return LINES; }
static inline int cdeck_cols(void) { return COLS; }
static inline void cdeck_set_escdelay(int ms) { set_escdelay(ms); }

static inline attr_t cdeck_a_normal(void) { return A_NORMAL; }
static inline attr_t cdeck_a_bold(void) { return A_BOLD; }
static inline attr_t cdeck_a_dim(void) { return A_DIM; }
static inline attr_t cdeck_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cdeck_a_reverse(void) { return A_REVERSE; }
static inline attr_t cdeck_a_italic(void) { return A_ITALIC; }
static inline attr_t cdeck_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline int cdeck_key_resize(void) { return KEY_RESIZE; }
static inline int cdeck_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
