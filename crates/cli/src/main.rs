//! The `kiln` command: runs a Python program like `python3` does.
//!
//! `kiln [--jit PARAMS] (FILE | -c CODE | -) [ARGS...]`. The program runs
//! on a thread with a large stack (deep Python recursion is bounded by
//! `sys.getrecursionlimit()`, not by the native stack); Ctrl-C raises
//! `KeyboardInterrupt` at the next loop back edge or call.

use clap::Parser;
use std::io::Read;

#[derive(Parser)]
#[command(
    name = "kiln",
    version,
    about = "Kiln: a Python implementation with a meta-tracing JIT",
    override_usage = "kiln [OPTIONS] [-c CODE | FILE | -] [ARGS]..."
)]
struct Cli {
    /// JIT parameters, like PyPy's --jit: `off`, or comma-separated
    /// `name=value` pairs (threshold, function_threshold, trace_eagerness,
    /// trace_limit, decay, loop_longevity, retrace_limit, max_retrace_guards,
    /// enable_opts, inlining).
    #[arg(long, value_name = "PARAMS")]
    jit: Option<String>,
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    command: Option<String>,
    /// The program file (`-` reads it from stdin), then its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

/// Native stack of the interpreter thread.
const STACK_SIZE: usize = 1 << 30;

/// The system allocator with a reserve for running out of memory, so that
/// exhausting memory is a `MemoryError` rather than an abort.
#[global_allocator]
static ALLOC: kiln_gc::ReserveAlloc = kiln_gc::ReserveAlloc;

fn main() {
    // First, before any thread allocates (see kiln_gc::install_reserve).
    kiln_gc::install_reserve();
    let cli = Cli::parse();
    if let Some(p) = &cli.jit {
        if let Err(e) = kiln_jit::Params::parse(p) {
            eprintln!("kiln: invalid --jit value: {e}");
            std::process::exit(2);
        }
    }
    let _ = ctrlc::set_handler(|| {
        kiln_python::interp::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    let worker = std::thread::Builder::new()
        .name("kiln-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(cli));
    let worker = match worker {
        Ok(w) => w,
        // Too little memory (or address space) for the interpreter's stack.
        Err(e) => {
            eprintln!("MemoryError: cannot start the interpreter thread: {e}");
            std::process::exit(1);
        }
    };
    let code = worker.join().unwrap_or(1);
    std::process::exit(code);
}

fn run(cli: Cli) -> i32 {
    kiln_gc::init();
    let (source, filename, argv, dir) = match (&cli.command, cli.args.first()) {
        (Some(code), _) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(cli.args.iter().cloned());
            (code.clone(), "<string>".to_string(), argv, String::new())
        }
        (None, first) if first.is_none_or(|a| a == "-") => {
            let mut s = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("kiln: can't read stdin: {e}");
                return 2;
            }
            let mut argv: Vec<String> = cli.args.clone();
            if argv.is_empty() {
                argv.push(String::new());
            }
            (s, "<stdin>".to_string(), argv, String::new())
        }
        (None, file) => {
            let file = file.expect("a program file");
            let src = match std::fs::read(file) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    let why = match e.kind() {
                        std::io::ErrorKind::NotFound => {
                            "[Errno 2] No such file or directory".to_string()
                        }
                        _ => e.to_string(),
                    };
                    eprintln!("kiln: can't open file '{file}': {why}");
                    return 2;
                }
            };
            // Like CPython since 3.9, the script's code objects and
            // `__file__` carry its absolute path (joined, not normalized).
            let path = std::path::Path::new(file);
            let abs = match std::env::current_dir() {
                Ok(cwd) if path.is_relative() => cwd.join(path),
                _ => path.to_path_buf(),
            };
            let dir = abs
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                src,
                abs.to_string_lossy().into_owned(),
                cli.args.clone(),
                dir,
            )
        }
    };
    let mut vm = kiln_python::vm::Vm::new();
    vm.argv = argv;
    vm.path = vec![dir];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        vm.path
            .extend(pp.split(':').filter(|p| !p.is_empty()).map(str::to_string));
    }
    vm.jit_params = cli.jit.unwrap_or_default();
    kiln_python::builtins::modules::refresh_sys(&mut vm);
    kiln_python::run::run_main(&mut vm, &source, &filename)
}
