//! `bf`: runs a Brainfuck program under kiln-jit.
//!
//! Usage: `bf [--jit off|aggressive|threshold=N,...] [--stats] FILE.b`.
//! Input comes from stdin (end of input reads as 0); `KILNLOG` selects
//! jit log sections as for every kiln-jit driver.

mod interp;

fn main() {
    let mut jit = String::new();
    let mut file = None;
    let mut stats = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jit" => jit = args.next().unwrap_or_default(),
            "--stats" => stats = true,
            _ => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: bf [--jit PARAMS] [--stats] FILE.b");
        std::process::exit(2);
    };
    let params = match kiln_jit::Params::parse(&jit) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let src = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    };
    let vm = match interp::Vm::load(&src, params) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    };
    interp::set_input(interp::Input::Stdin);
    interp::set_streaming(true);
    let r = vm.run();
    interp::flush_stdout();
    vm.driver.log_summary();
    if stats {
        eprintln!("{:?}", vm.driver.stats());
    }
    if let Err(e) = r {
        eprintln!("{file}: {e}");
        std::process::exit(1);
    }
}
