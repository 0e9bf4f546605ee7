#include "shim.h"
#include <errno.h>
#include <pthread.h>
#include <sys/select.h>

/// Set by the SIGINT handler; the REPL and long-running work poll and reset it.
static volatile sig_atomic_t coso_interrupted = 0;

int coso_take_interrupt(void) {
    int v = coso_interrupted;
    coso_interrupted = 0;
    return v;
}
int coso_peek_interrupt(void) { return coso_interrupted; }

/// Only sets the flag: readline is never called from the handler. The line reader's select()
/// returns EINTR (select is never restarted, whatever SA_RESTART says) and cleans up.
static void coso_sigint_handler(int sig) {
    (void)sig;
    coso_interrupted = 1;
}

void coso_install_sigint(void) {
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = coso_sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
    // A parent may have started us with SIGINT blocked (the mask is inherited): unblock it, or
    // Ctrl-C would never arrive.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
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

/// Exported by libreadline (not in its headers): whether keys wait in readline's input buffer.
extern int _rl_pushed_input_available(void);

static char *coso_line_result = NULL;
static int coso_line_done = 0;

static void coso_line_handler(char *line) {
    coso_line_result = line;
    coso_line_done = 1;
    rl_callback_handler_remove();
}

int coso_readline(const char *prompt, char **out) {
    coso_line_done = 0;
    coso_line_result = NULL;
    *out = NULL;
    rl_callback_handler_install(prompt, coso_line_handler);
    int fd = fileno(rl_instream ? rl_instream : stdin);
    while (!coso_line_done) {
        // Readline may already have read typed-ahead keys into its own buffer (it gathers them
        // when inserting text); select() on the descriptor would not see them, and a Tab typed
        // right after some text would wait for the next key. Run those first.
        if (_rl_pushed_input_available() || rl_pending_input) {
            rl_callback_read_char();
            continue;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        int r = select(fd + 1, &fds, NULL, NULL, NULL);
        if (r < 0) {
            if (errno != EINTR) break;
            if (coso_interrupted) {
                coso_interrupted = 0;
                // Ctrl-C: drop the half-typed line and start again on a fresh prompt.
                rl_free_line_state();
                rl_callback_sigcleanup();
                rl_crlf();
                rl_callback_handler_remove();
                return 1;
            }
            rl_resize_terminal();
            continue;
        }
        rl_callback_read_char();
    }
    *out = coso_line_result;
    return 0;
}

void coso_rl_configure(void) {
    rl_readline_name = "coso";
    rl_completer_quote_characters = NULL;
}
