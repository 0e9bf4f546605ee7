#include "shim.h"

/// Set by the SIGINT handler; the REPL and long-running work poll and reset it.
static volatile sig_atomic_t coso_interrupted = 0;
/// Non-zero while the thread is blocked inside readline().
static volatile sig_atomic_t coso_in_readline = 0;

int coso_take_interrupt(void) {
    int v = coso_interrupted;
    coso_interrupted = 0;
    return v;
}
int coso_peek_interrupt(void) { return coso_interrupted; }
void coso_set_in_readline(int v) { coso_in_readline = v; }

static void coso_sigint_handler(int sig) {
    (void)sig;
    coso_interrupted = 1;
    if (coso_in_readline) {
        // Clear the half-typed line and draw a fresh prompt, as shells do.
        // These calls are not strictly async-signal-safe; readline's own examples do the same
        // and the REPL thread is blocked in read(2) when this runs.
        rl_free_line_state();
        rl_crlf();
        rl_on_new_line();
        rl_replace_line("", 0);
        rl_redisplay();
    }
}

/// Install the handler with SA_RESTART so that readline's read(2) is not aborted, and stop readline
/// from installing its own handlers (it would re-raise SIGINT and kill the process).
void coso_install_sigint(void) {
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = coso_sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
}


static char coso_string_breaks[] = "\"";
static char coso_normal_breaks[] = " \t\n\"|,:.()[]=<>!~+-*/;";

static char *coso_word_break_hook(void) {
    int quotes = 0;
    for (int i = 0; i < rl_point && rl_line_buffer[i]; i++) {
        if (rl_line_buffer[i] == '\\' && i + 1 < rl_point) { i++; continue; }
        if (rl_line_buffer[i] == '"') quotes++;
    }
    return (quotes % 2) ? coso_string_breaks : coso_normal_breaks;
}

void coso_rl_install_word_break_hook(void) {
    rl_completion_word_break_hook = coso_word_break_hook;
    rl_completer_word_break_characters = coso_normal_breaks;
    rl_basic_word_break_characters = coso_normal_breaks;
}
