//! Running one interpreter on one program, with a timeout, and comparing two
//! runs.
//!
//! Both pipes are drained by their own threads while the parent polls the
//! child, so a program that prints a lot cannot dead-lock against a full pipe,
//! and a program that hangs is killed when the timeout expires.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::corpus::{Mode, Program};

/// What a run produced, reduced to what the suite compares.
#[derive(Debug)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    /// Exit code; a death by signal `s` is recorded as `-s`.
    pub code: i32,
    /// The whole of stderr, for failure reports.
    pub stderr: String,
    pub timed_out: bool,
}

impl Outcome {
    /// The last non-blank line of stderr, trailing whitespace removed.
    pub fn last_stderr_line(&self) -> &str {
        self.stderr
            .lines()
            .rev()
            .map(str::trim_end)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }
}

/// Environment shared by both interpreters so that nothing in the outside
/// environment changes a program's behaviour.
fn neutral_env(cmd: &mut Command) {
    cmd.env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .env_remove("KILNLOG")
        .env_remove("KILN_GC_STRESS")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8");
}

/// Runs the oracle; an error means the program itself is broken (it could
/// not be started or it timed out under CPython).
pub fn run_python(python: &str, program: &Program, timeout: Duration) -> Result<Outcome, String> {
    let mut cmd = Command::new(python);
    cmd.arg(&program.file_name).current_dir(&program.dir);
    neutral_env(&mut cmd);
    let outcome = run(cmd, timeout).map_err(|e| format!("cannot start `{python}`: {e}"))?;
    if outcome.timed_out {
        return Err(format!("timed out after {timeout:?}"));
    }
    Ok(outcome)
}

/// Runs `kiln` in the given mode.
pub fn run_kiln(kiln: &Path, program: &Program, mode: Mode, timeout: Duration) -> Outcome {
    let mut cmd = Command::new(kiln);
    cmd.args(mode.args())
        .arg(&program.file_name)
        .current_dir(&program.dir);
    neutral_env(&mut cmd);
    cmd.envs(mode.env().iter().copied());
    run(cmd, timeout).unwrap_or_else(|e| Outcome {
        stdout: Vec::new(),
        code: -1000,
        stderr: format!("cannot start {}: {e}", kiln.display()),
        timed_out: false,
    })
}

fn run(mut cmd: Command, timeout: Duration) -> std::io::Result<Outcome> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let (code, timed_out) = wait_with_timeout(&mut child, timeout)?;
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(Outcome {
        stdout,
        code,
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        timed_out,
    })
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    })
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> std::io::Result<(i32, bool)> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok((exit_code(status), false));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let status = child.wait()?;
            return Ok((exit_code(status), true));
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

fn exit_code(status: std::process::ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return -signal;
        }
    }
    -1
}

/// `None` when `actual` matches `expected`, else a report of every difference.
pub fn compare(expected: &Outcome, actual: &Outcome) -> Option<String> {
    let mut report = Vec::new();
    if actual.timed_out {
        report.push("kiln timed out".to_string());
    }
    if expected.code != actual.code {
        report.push(format!(
            "exit code: CPython {}, kiln {}",
            expected.code, actual.code
        ));
    }
    if expected.stdout != actual.stdout {
        report.push(stdout_difference(&expected.stdout, &actual.stdout));
    }
    if expected.last_stderr_line() != actual.last_stderr_line() {
        report.push(format!(
            "last stderr line:\n  CPython: {}\n  kiln:    {}",
            expected.last_stderr_line(),
            actual.last_stderr_line()
        ));
    }
    if report.is_empty() {
        return None;
    }
    if actual.stderr.contains("panicked at") {
        report.push("kiln panicked (a panic reaching the user is a bug)".to_string());
    }
    let tail: Vec<&str> = actual.stderr.lines().rev().take(8).collect();
    if !tail.is_empty() {
        report.push(format!(
            "kiln stderr (tail):\n{}",
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ));
    }
    Some(report.join("\n"))
}

/// Describes the first line where two outputs differ.
fn stdout_difference(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let (e_lines, a_lines): (Vec<&str>, Vec<&str>) =
        (expected.split('\n').collect(), actual.split('\n').collect());
    let first = e_lines
        .iter()
        .zip(&a_lines)
        .position(|(e, a)| e != a)
        .unwrap_or(e_lines.len().min(a_lines.len()));
    let show = |lines: &[&str]| -> String {
        lines
            .get(first)
            .map(|l| format!("{l:?}"))
            .unwrap_or_else(|| "<end of output>".to_string())
    };
    format!(
        "stdout differs at line {} ({} lines expected, {} produced):\n  CPython: {}\n  kiln:    {}",
        first + 1,
        e_lines.len().saturating_sub(1),
        a_lines.len().saturating_sub(1),
        show(&e_lines),
        show(&a_lines)
    )
}
