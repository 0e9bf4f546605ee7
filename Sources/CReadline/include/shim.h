// C accessors for GNU readline's globals, and the SIGINT handler (defined in shim.c).
//
// A regular C target rather than a system-library module map: the interrupt flag must have exactly
// one definition, which a header-only module cannot give (each importer would get its own copy).
//
// Swift 6 refuses to touch readline's mutable C globals directly ("not concurrency-safe"), so every
// read or write goes through a static inline function here. All of them are called only from the
// thread that runs the REPL loop.
#ifndef COSO_CREADLINE_SHIM_H
#define COSO_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <readline/readline.h>
#include <readline/history.h>

typedef char *(*coso_generator_fn)(const char *, int);
typedef char **(*coso_completer_fn)(const char *, int, int);

static inline void coso_rl_set_completer(coso_completer_fn fn) {
    rl_attempted_completion_function = fn;
}

/// Tell readline not to fall back to file-name completion when our completer found nothing.
static inline void coso_rl_set_attempted_completion_over(int v) { rl_attempted_completion_over = v; }

static inline char **coso_rl_completion_matches(const char *text, coso_generator_fn fn) {
    return rl_completion_matches(text, fn);
}

static inline const char *coso_rl_line_buffer(void) { return rl_line_buffer; }
static inline int coso_rl_point(void) { return rl_point; }

static inline void coso_rl_set_append_character(int c) { rl_completion_append_character = c; }

/// Keep multi-line statements as one history entry across sessions: timestamps mark where an
/// entry starts in the file, so embedded newlines survive a reload.
static inline void coso_history_set_multiline(void) {
    history_write_timestamps = 1;
    history_multiline_entries = 1;
}

/// Install the word-break hook: inside an open string the whole text after the quote is the word
/// to complete (organisation names contain spaces); elsewhere the usual breaks apply.
void coso_rl_install_word_break_hook(void);

/// Names coso to readline (for ~/.inputrc conditionals) and turns off readline's own quote
/// handling. Done in C with static strings: readline keeps the pointers, and a Swift string
/// passed as `const char *` lives only for the duration of the call.
void coso_rl_configure(void);

/// Reads one line with readline's callback interface and select(), so that Ctrl-C returns at once.
/// Returns 1 when interrupted by Ctrl-C; otherwise 0 with `*out` the malloc'ed line, or NULL at
/// end of input (Ctrl-D on an empty line).
int coso_readline(const char *prompt, char **out);

/// Non-zero once SIGINT arrived; the REPL and long-running work poll and reset it.
int coso_take_interrupt(void);
int coso_peek_interrupt(void);
/// Install the SIGINT handler (SA_RESTART) and stop readline from installing its own.
void coso_install_sigint(void);

#endif
