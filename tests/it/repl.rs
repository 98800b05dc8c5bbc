//! The REPL as a person uses it: the binary runs on a pseudo-terminal, the
//! test types keys into it and reads back what the screen shows (through a
//! tiny terminal model that understands the few control sequences the line
//! editor emits). libc's `openpty` is used directly: it is already a
//! dependency and needs nothing from crates.io.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    master: File,
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    state_home: PathBuf,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        let mut master: libc::c_int = -1;
        let mut slave: libc::c_int = -1;
        let size = libc::winsize { ws_row: 40, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: the out-pointers are valid for writes; a null name buffer
        // and termios are allowed; `size` outlives the call.
        let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        assert_eq!(rc, 0, "openpty failed");
        // SAFETY: openpty succeeded, so both are open descriptors that
        // nothing else owns.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let state_home = std::env::temp_dir().join(format!(
            "minilisp-repl-{}-{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
        ));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_minilisp"));
        cmd.args(args)
            .env("TERM", "xterm")
            .env("LC_ALL", "C.UTF-8")
            .env("XDG_STATE_HOME", &state_home)
            .env("XDG_CACHE_HOME", state_home.join("cache"))
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: between fork and exec the closure only calls the
        // async-signal-safe setsid and ioctl: the child gets its own session
        // with the terminal (its stdin) as controlling terminal, as a shell
        // would arrange.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn minilisp");
        drop(cmd); // closes the parent's copies of the slave side
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Ends with EIO once the child has exited and closed the terminal.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session { master, child, output, state_home }
    }

    fn screen(&self) -> String {
        render(&self.output.lock().unwrap())
    }

    /// Waits until the screen shows `text` (somewhere after `count - 1`
    /// earlier occurrences).
    fn wait_for(&self, text: &str, count: usize) {
        let start = Instant::now();
        while self.screen().matches(text).count() < count {
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn type_keys(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    fn wait_exit(&mut self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain what is left.
                std::thread::sleep(Duration::from_millis(100));
                return status.code().expect("exit status");
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("minilisp did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.state_home);
    }
}

/// What a terminal would show for `bytes`: printable text, CR, LF, BS, and
/// the CSI sequences rustyline uses (cursor moves, erase line/screen);
/// others (modes such as bracketed paste) are ignored. Trailing blanks of
/// each row are dropped.
fn render(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => {
                row += 1;
                if row == rows.len() {
                    rows.push(Vec::new());
                }
            }
            '\x08' => col = col.saturating_sub(1),
            '\x07' => {}
            '\x1b' => {
                if chars.peek() != Some(&'[') {
                    chars.next();
                    continue;
                }
                chars.next();
                let mut params = String::new();
                let mut fin = ' ';
                for c in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&c) {
                        fin = c;
                        break;
                    }
                    params.push(c);
                }
                let n = params.parse::<usize>().unwrap_or(1).max(1);
                match fin {
                    'A' => row = row.saturating_sub(n),
                    'B' => {
                        row += n;
                        while rows.len() <= row {
                            rows.push(Vec::new());
                        }
                    }
                    'C' => col += n,
                    'D' => col = col.saturating_sub(n),
                    'G' => col = n - 1,
                    'K' => rows[row].truncate(col),
                    'J' => rows.truncate(row + 1),
                    'H' => (row, col) = (0, 0),
                    _ => {}
                }
            }
            c => {
                let line = &mut rows[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
    }
    let lines: Vec<String> = rows.iter().map(|r| r.iter().collect::<String>().trim_end().to_owned()).collect();
    lines.join("\n")
}

#[test]
fn a_session_at_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("minilisp>", 1);
    s.type_keys("(+ 1 2)\r");
    s.wait_for("=> 3", 1);
    s.wait_for("minilisp>", 2);
    s.type_keys("(defun f (x)\r");
    s.wait_for("...>", 1);
    s.type_keys("(* x 2))\r");
    s.wait_for("=> f", 1);
    s.wait_for("minilisp>", 3);
    s.type_keys("(f 21)\r");
    s.wait_for("=> 42", 1);
    s.wait_for("minilisp>", 4);
    s.type_keys("(car 1)\r");
    s.wait_for("*** ERROR", 1);
    s.wait_for("minilisp>", 5);
    s.type_keys("(princ \"hi\")\r");
    s.wait_for("=> \"hi\"", 1);
    s.wait_for("minilisp>", 6);
    s.type_keys("\x04"); // C-d on an empty line
    assert_eq!(s.wait_exit(), 0);
    let screen = s.screen();
    let body: Vec<&str> = screen.lines().skip(1).collect(); // after the banner
    assert_eq!(
        body.join("\n").trim_end(),
        "\
minilisp> (+ 1 2)
=> 3
minilisp> (defun f (x)
  ...> (* x 2))
=> f
minilisp> (f 21)
=> 42
minilisp> (car 1)
*** ERROR: Wrong type argument: listp, 1
minilisp> (princ \"hi\")
hi
=> \"hi\"
minilisp>",
        "screen:\n{screen}"
    );
    assert!(screen.starts_with("minilisp "), "banner: {screen}");
    // The history file got the lines typed, one entry per line.
    let history = std::fs::read_to_string(s.state_home.join("minilisp/history")).expect("history file");
    for line in ["(+ 1 2)", "(defun f (x)", "(* x 2))", "(f 21)"] {
        assert!(history.lines().any(|l| l == line), "{line:?} not in history:\n{history}");
    }
}

#[test]
fn ctrl_c_cancels_the_pending_input() {
    let mut s = Session::start(&[]);
    s.wait_for("minilisp>", 1);
    s.type_keys("(list 1\r");
    s.wait_for("...>", 1);
    s.type_keys("2");
    s.wait_for("  ...> 2", 1);
    s.type_keys("\x03"); // C-c
    s.wait_for("minilisp>", 2);
    s.type_keys("(list 3)\r");
    s.wait_for("=> (3)", 1);
    s.wait_for("minilisp>", 3);
    s.type_keys("(kill-emacs 5)\r");
    assert_eq!(s.wait_exit(), 5);
    assert!(!s.screen().contains("=> (1"), "screen:\n{}", s.screen());
}

#[test]
fn ctrl_c_interrupts_a_running_evaluation() {
    let mut s = Session::start(&[]);
    s.wait_for("minilisp>", 1);
    s.type_keys("(defvar kept 'still-here)\r");
    s.wait_for("=> kept", 1);
    // C-c reaches an evaluation that loops without calling anything, one
    // deep in recursion, and one whose `error` handler must not catch the
    // quit; a `quit` handler does catch it. Each prints a `go` line first
    // (a terminal's output is line-buffered), so the C-c is sent once the
    // evaluation surely runs.
    s.type_keys("(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\r");
    s.wait_for("=> fib", 1);
    let loops = [
        ("(progn (princ \"go\\n\") (while t))", "*** ERROR: Quit"),
        ("(progn (princ \"go\\n\") (fib 60))", "*** ERROR: Quit"),
        ("(condition-case nil (progn (princ \"go\\n\") (while t)) (error 'caught))", "*** ERROR: Quit"),
        ("(condition-case e (let ((n 0)) (princ \"go\\n\") (while t (setq n (1+ n)))) (quit (list 'handled e)))", "=> (handled (quit))"),
    ];
    for (i, (form, answer)) in loops.into_iter().enumerate() {
        let before = s.screen().matches(answer).count();
        s.type_keys(&format!("{form}\r"));
        s.wait_for("\ngo", i + 1);
        s.type_keys("\x03"); // the terminal turns C-c into SIGINT
        s.wait_for(answer, before + 1);
        s.wait_for("minilisp>", i + 4);
    }
    s.type_keys("kept\r");
    s.wait_for("=> still-here", 1);
    s.type_keys("(kill-emacs 3)\r");
    assert_eq!(s.wait_exit(), 3);
}

#[test]
fn history_is_recalled_with_the_up_arrow() {
    let mut s = Session::start(&[]);
    s.wait_for("minilisp>", 1);
    s.type_keys("(+ 40 2)\r");
    s.wait_for("=> 42", 1);
    s.wait_for("minilisp>", 2);
    s.type_keys("\x1b[A\r"); // Up, Enter
    s.wait_for("=> 42", 2);
    s.wait_for("minilisp>", 3);
    s.type_keys("\x04");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn renderer_model() {
    assert_eq!(render(b"ab\rc\x1b[K\r\nxy\x1b[1Dz"), "c\nxz");
    assert_eq!(render(b"p> \x1b[?2004h(a\r\x1b[Kp> (ab)\n"), "p> (ab)\n");
}

/// Lines typed while a form is still being evaluated are kept for the next
/// prompts. rustyline keeps such type-ahead only with its `buffer-redux`
/// feature; without it the read buffer is dropped when a line is accepted.
#[test]
fn type_ahead_is_not_lost() {
    let mut s = Session::start(&[]);
    s.wait_for("minilisp>", 1);
    s.type_keys("(sleep-for 0.3)\r(+ 1 2)\r(+ 3 4)\r");
    s.wait_for("=> 7", 1);
    s.type_keys("\x04");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.screen().contains("=> 3"), "screen:\n{}", s.screen());
}
