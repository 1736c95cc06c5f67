/* CEditLine: fixed-signature wrappers over libedit's native API for Swift.
 *
 * el_set, el_get and history() are variadic, so Swift cannot call them directly; the
 * static inline functions below give each call Swift needs a fixed signature. C mutable
 * globals (stdin, stdout, stderr) are reached through getters, which Swift 6 accepts.
 */
#ifndef ADVISOR_CEDITLINE_SHIM_H
#define ADVISOR_CEDITLINE_SHIM_H

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Standard streams. */
static inline FILE *cel_stdin(void) { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

/* Prompt and completion callback types. */
typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_command_fn)(EditLine *, int);

/* Editor settings. */
static inline int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_prompt(EditLine *el, cel_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}
static inline int cel_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *cel_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
static inline int cel_add_function(EditLine *el, const char *name, const char *help, cel_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int cel_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}
static inline int cel_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
/* Puts the terminal in libedit's editing (raw) mode now (flag 1), or back to normal mode (0). */
static inline int cel_prepare_terminal(EditLine *el, int flag) { return el_set(el, EL_PREP_TERM, flag); }

/* History settings and entries. */
static inline int cel_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int cel_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int cel_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/* Ctrl-C as "cancel this line".
 *
 * The SIGINT handler sets a flag and writes a byte to a pipe (it does not restart reads). The
 * editor reads keys with cel_read_char (installed with EL_GETCFN), which waits on the terminal and
 * the pipe together, so a Ctrl-C that lands while libedit is busy between two reads is not lost:
 * the next read fails with EINTR and el_gets returns NULL. */
static volatile sig_atomic_t cel_interrupted = 0;
static int cel_wake_pipe[2] = {-1, -1};
static int cel_ended = 0;

/* Whether standard input reached its end (the terminal closed) in cel_read_char. */
static inline int cel_input_ended(void) { return cel_ended; }

static void cel_sigint_handler(int signo) {
    (void)signo;
    int saved = errno;
    cel_interrupted = 1;
    if (cel_wake_pipe[1] >= 0) {
        char byte = 0;
        if (write(cel_wake_pipe[1], &byte, 1) < 0) { /* the pipe is full: a wake-up is pending anyway */ }
    }
    errno = saved;
}

/* Forgets a Ctrl-C pressed while no line was being read. */
static inline void cel_clear_interrupt(void) {
    char drain[64];
    cel_interrupted = 0;
    if (cel_wake_pipe[0] >= 0) {
        while (read(cel_wake_pipe[0], drain, sizeof drain) > 0) {}
    }
}

/* Installs the SIGINT handler (once); returns 0, or -1 with errno set. */
static inline int cel_catch_sigint(void) {
    if (cel_wake_pipe[0] < 0) {
        if (pipe(cel_wake_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(cel_wake_pipe[i], F_SETFD, FD_CLOEXEC);
            fcntl(cel_wake_pipe[i], F_SETFL, fcntl(cel_wake_pipe[i], F_GETFL) | O_NONBLOCK);
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cel_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    /* A parent may have started us with signals blocked (the mask survives exec): unblock the ones
     * the editor handles, so Ctrl-C, resizing, suspending and termination behave. */
    sigset_t set;
    sigemptyset(&set);
    int handled[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) sigaddset(&set, handled[i]);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* Reads one character from standard input for libedit: 1 with *wc set, 0 at end of input, -1 on
 * error or Ctrl-C (errno EINTR). Bytes that are not valid in the locale's encoding are skipped. */
static int cel_read_char(EditLine *el, wchar_t *wc) {
    (void)el;
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    *wc = L'\0';
    for (;;) {
        if (cel_interrupted) {
            cel_clear_interrupt();
            errno = EINTR;
            return -1;
        }
        struct pollfd fds[2] = {{0, POLLIN, 0}, {cel_wake_pipe[0], POLLIN, 0}};
        if (poll(fds, cel_wake_pipe[0] >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (fds[0].revents == 0) {
            if (!cel_interrupted) cel_clear_interrupt(); /* a stray wake-up byte */
            continue;
        }
        ssize_t n = read(0, bytes + count, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return -1;
        }
        if (n == 0) {
            cel_ended = 1;
            return 0;
        }
        count++;
        for (;;) {
            mbstate_t state;
            memset(&state, 0, sizeof state);
            size_t used = mbrtowc(wc, bytes, count, &state);
            if (used == (size_t)-2 && count < MB_LEN_MAX) break; /* incomplete: read another byte */
            if (used != (size_t)-1 && used != (size_t)-2) return 1;
            /* Invalid: drop all but the last byte, which may start a valid character. */
            if (count > 1) {
                bytes[0] = bytes[count - 1];
                count = 1;
            } else {
                count = 0;
                break;
            }
        }
    }
}

typedef int (*cel_read_fn)(EditLine *, wchar_t *);
static inline int cel_set_read_char(EditLine *el) { return el_set(el, EL_GETCFN, (cel_read_fn)cel_read_char); }

/* Columns of the terminal on fd, or 0 when unknown. */
static inline int cel_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

#endif
