#ifndef NATTER_CNCURSESW_SHIM_H
#define NATTER_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift cannot import function-like macros or the stdscr global macro; these wrap them. */
static inline WINDOW *natter_stdscr(void) { return stdscr; }
static inline int natter_lines(void) { return LINES; }
static inline int natter_cols(void) { return COLS; }
static inline attr_t natter_a_bold(void) { return A_BOLD; }
static inline attr_t natter_a_dim(void) { return A_DIM; }
static inline attr_t natter_a_reverse(void) { return A_REVERSE; }
static inline attr_t natter_a_underline(void) { return A_UNDERLINE; }
static inline attr_t natter_a_normal(void) { return A_NORMAL; }
static inline attr_t natter_a_italic(void) { return A_ITALIC; }
static inline attr_t natter_color_pair(int n) { return COLOR_PAIR(n); }
static inline int natter_key_resize(void) { return KEY_RESIZE; }
static inline int natter_key_code_yes(void) { return KEY_CODE_YES; }
static inline int natter_err(void) { return ERR; }
static inline int natter_ok(void) { return OK; }
static inline int natter_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int natter_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int natter_wattr_on(WINDOW *w, attr_t a) { return wattr_on(w, a, NULL); }
static inline int natter_wattr_off(WINDOW *w, attr_t a) { return wattr_off(w, a, NULL); }
static inline int natter_wattrset(WINDOW *w, attr_t a) { return wattrset(w, a); }
/* Added for NatterTUI: globals Swift cannot see, and the window size after SIGWINCH. */
#include <sys/ioctl.h>
#include <unistd.h>
static inline WINDOW *natter_curscr(void) { return curscr; }
static inline int natter_colors(void) { return COLORS; }
static inline int natter_color_pairs(void) { return COLOR_PAIRS; }
/* Asks the tty itself: after SIGWINCH curses' LINES/COLS are stale until resizeterm. */
static inline int natter_terminal_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}
/* wcwidth is hidden by glibc's feature macros in the Glibc module; curses measures with it, so must we. */
extern int wcwidth(wchar_t c);
static inline int natter_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
/* The code curses assigned to an extended terminfo key such as kUP3 (Alt+Up), or 0 if the terminal lacks it. */
static inline int natter_extended_key_code(const char *capability) {
    char *sequence = tigetstr(capability);
    if (sequence == NULL || sequence == (char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}
/* One grapheme cluster in one cell: setcchar stops at the second spacing character, so the rest of the cluster
   (joiners and the people after them) is copied in by hand; curses advances by the first code point's width and
   writes every code point of the cell, and a terminal that draws the cluster as one glyph agrees. */
static inline int natter_add_cluster(WINDOW *w, const wchar_t *chars, int count, attr_t attrs) {
    cchar_t cell;
    wchar_t first[2] = { chars[0], 0 };
    if (setcchar(&cell, first, attrs & ~A_COLOR, (short)PAIR_NUMBER(attrs), NULL) != OK) return ERR;
    for (int i = 1; i < count && i < CCHARW_MAX; ++i) cell.chars[i] = chars[i];
    return wadd_wch(w, &cell);
}
/* Mouse (only with `mouse = true`): left button, wheel; no click delay, so a press is reported at once. */
static inline unsigned long natter_mouse_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline unsigned long natter_mouse_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline unsigned long natter_mouse_wheel_up(void) { return BUTTON4_PRESSED; }
static inline unsigned long natter_mouse_wheel_down(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
static inline int natter_key_mouse(void) { return KEY_MOUSE; }
static inline void natter_mouse_enable(void) {
    mouseinterval(0);
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | natter_mouse_wheel_down(), NULL);
}
static inline int natter_getmouse(int *row, int *column, unsigned long *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *row = event.y;
    *column = event.x;
    *buttons = (unsigned long)event.bstate;
    return OK;
}
#endif
