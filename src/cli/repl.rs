//! The interactive read-eval-print loop.
//!
//! - Prompt `minilisp> `; while the form typed so far is incomplete (the
//!   reader hits `end-of-file`), the continuation prompt `  ...> `.
//! - Every complete form is evaluated with lexical binding, like
//!   `(eval FORM t)`, and its value printed with `prin1` after `=> `
//!   (on a fresh line if the form's own output left the cursor mid-line).
//! - An error prints `*** ERROR: MESSAGE` on standard error and the loop
//!   goes on; `(kill-emacs N)` exits with status N.
//! - C-c cancels the input being typed, or interrupts a running evaluation:
//!   SIGINT sets the interpreter's interrupt flag and the evaluation
//!   signals `quit` (printed `*** ERROR: Quit`), keeping every definition
//!   made so far, as C-g does in Emacs. C-d on an empty line quits (0).
//! - When standard input is not a terminal, forms are read from it without
//!   prompts or line editing, and answered the same way.
//!
//! Line editing and history come from rustyline; the history lives in
//! `$XDG_STATE_HOME/minilisp/history` (or `~/.local/state/minilisp/history`).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::interp::reader::Reader;
use crate::{gc::Value, interp::Interp};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{Config, Editor};

use super::batch::eval_lexical;

pub const PROMPT: &str = "minilisp> ";
pub const CONTINUATION_PROMPT: &str = "  ...> ";

/// What reading one line of input gave.
enum Line {
    Text(String),
    /// C-c: drop the pending input.
    Interrupted,
    /// C-d on an empty line, or the end of the input.
    Eof,
}

/// Where lines come from: the line editor, or a plain (non-terminal) stdin.
trait LineSource {
    fn read_line(&mut self, prompt: &str) -> Line;
}

struct Terminal {
    editor: Editor<(), FileHistory>,
    history: Option<PathBuf>,
}

impl LineSource for Terminal {
    fn read_line(&mut self, prompt: &str) -> Line {
        match self.editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = self.editor.add_history_entry(line.as_str());
                    if let Some(path) = &self.history {
                        let _ = self.editor.save_history(path);
                    }
                }
                Line::Text(line)
            }
            Err(ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }
}

struct Piped(std::io::StdinLock<'static>);

impl LineSource for Piped {
    fn read_line(&mut self, _prompt: &str) -> Line {
        let mut buf = Vec::new();
        match self.0.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                Line::Text(String::from_utf8_lossy(&buf).into_owned())
            }
        }
    }
}

/// `$XDG_STATE_HOME/minilisp/history`, else `~/.local/state/minilisp/history`.
fn history_path() -> Option<PathBuf> {
    let nonempty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let state = nonempty("XDG_STATE_HOME").or_else(|| nonempty("HOME").map(|h| h.join(".local/state")))?;
    Some(state.join("minilisp").join("history"))
}

fn terminal() -> Option<Terminal> {
    let config = Config::builder().auto_add_history(false).max_history_size(10_000).ok()?.build();
    let mut editor = Editor::<(), FileHistory>::with_config(config).ok()?;
    let history = history_path();
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.load_history(path);
    }
    Some(Terminal { editor, history })
}

/// Runs the REPL until the input ends; returns the exit status.
pub fn run(interp: &mut Interp, at_line_start: &AtomicBool) -> i32 {
    let tty = std::io::stdin().is_terminal();
    let mut interrupt = None;
    let mut source: Box<dyn LineSource> = match tty.then(terminal).flatten() {
        Some(t) => {
            // Only an interactive session outlives C-c; piped input keeps
            // the default action (the process ends), as in batch mode.
            let flag = interp.interrupt_flag();
            if signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&flag)).is_ok() {
                interrupt = Some(flag);
            }
            interp.write_stdout(&format!(
                "minilisp {} (Emacs Lisp, lexical binding). C-d quits, C-c cancels the input or the evaluation.\n",
                env!("CARGO_PKG_VERSION")
            ));
            Box::new(t)
        }
        None => Box::new(Piped(std::io::stdin().lock())),
    };
    let mut repl = Repl { pending: String::new(), at_line_start, interrupt };
    loop {
        let _ = interp.stdout.flush();
        let prompt = if repl.pending.is_empty() { PROMPT } else { CONTINUATION_PROMPT };
        match source.read_line(prompt) {
            Line::Text(line) => {
                repl.pending.push_str(&line);
                repl.pending.push('\n');
                if let Some(status) = repl.eval_pending(interp) {
                    return status;
                }
            }
            Line::Interrupted => repl.pending.clear(),
            Line::Eof => {
                if !repl.pending.trim().is_empty() {
                    // The input ended inside a form: say so, as the reader would.
                    let eof = interp.signal(crate::interp::symbols::END_OF_FILE, Value::NIL);
                    if let Err(e) = interp.to_lisp_error(Err(eof)) {
                        repl.print_error(interp, &e.message);
                    }
                }
                if tty {
                    interp.write_stdout("\n");
                }
                let _ = interp.stdout.flush();
                return 0;
            }
        }
    }
}

struct Repl<'a> {
    /// Text typed but not evaluated yet (an incomplete form, at most).
    pending: String,
    at_line_start: &'a AtomicBool,
    /// The interrupt flag SIGINT sets, when registered.
    interrupt: Option<Arc<AtomicBool>>,
}

impl Repl<'_> {
    /// Evaluates every complete form of the pending text, leaving an
    /// incomplete last form pending. Returns an exit status to quit with.
    fn eval_pending(&mut self, interp: &mut Interp) -> Option<i32> {
        loop {
            let mut reader = Reader::new(&self.pending);
            let read = reader.read(interp);
            let used = reader.position();
            let form = match read {
                Ok(Some(form)) => form,
                Ok(None) => {
                    self.pending.clear();
                    return None;
                }
                Err(flow) => {
                    let e = interp.to_lisp_error(Err(flow)).err()?;
                    if e.object.starts_with("(end-of-file") {
                        return None; // incomplete: wait for more lines
                    }
                    self.pending.clear();
                    self.print_error(interp, &e.message);
                    return None;
                }
            };
            if self.pending.is_char_boundary(used) {
                self.pending.drain(..used);
            } else {
                self.pending.clear();
            }
            if let Some(flag) = &self.interrupt {
                // A C-c typed while no evaluation ran is not for this one.
                flag.store(false, Ordering::Relaxed);
            }
            let r = eval_lexical(interp, form);
            match interp.to_lisp_error(r) {
                Ok(v) => {
                    let text = interp.prin1_to_string(v);
                    self.fresh_line(interp);
                    interp.write_stdout(&format!("=> {text}\n"));
                }
                Err(e) => {
                    if let Some(status) = e.exit_status {
                        let _ = interp.stdout.flush();
                        return Some(status);
                    }
                    self.print_error(interp, &e.message);
                }
            }
        }
    }

    fn fresh_line(&self, interp: &mut Interp) {
        if !self.at_line_start.load(Ordering::Relaxed) {
            interp.write_stdout("\n");
        }
    }

    fn print_error(&self, interp: &mut Interp, message: &str) {
        self.fresh_line(interp);
        interp.write_stderr(&format!("*** ERROR: {message}\n"));
    }
}
